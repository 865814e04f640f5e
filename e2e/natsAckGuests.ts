// WAT guests for the acks/offsets and fault tests on NATS (proposal:messaging-ext on JetStream).

const realloc = `
  (global $heap (mut i32) (i32.const 8192))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))`;

const print = `
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))`;

const printLine = `
  ;; Writes bytes ptr..ptr+len and a newline as one line.
  (func $println (param $p i32) (param $n i32)
    (local $out i32)
    (memory.copy (i32.const 4096) (local.get $p) (local.get $n))
    (i32.store8 (i32.add (i32.const 4096) (local.get $n)) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 4096) (i32.add (local.get $n) (i32.const 1)) (i32.const 3900))
    (call $drop_out (local.get $out)))`;

export const ackHandlerWit = `package local:acker;
world acker {
  import proposal:messaging-ext/acks@0.1.0;
  import proposal:messaging-ext/receive-timeout@0.1.0;
  import wasi:cli/stdout@0.2.2;
  export wasi:messaging/incoming-handler@0.2.0-draft;
}`;

/**
 * An at-least-once handler. It prints "<word> <payload>"; the holding one ("holding")
 * then waits 120 s inside a host call (receive on a topic nobody uses), so its worker
 * stays alive and heartbeats without acking, and it acks only after that; the other one
 * ("acked") acks at once.
 */
export const ackHandlerWat = (hold: boolean) => `(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "proposal:messaging-ext/acks@0.1.0" "ack" (func $ack (param i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "subscribe" (func $subscribe (param i32 i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[method]subscription.receive" (func $receive (param i32 i32 i32)))
  ${print}
  (memory (export "memory") 1)
  (data (i32.const 16) "${hold ? 'holding ' : 'acked   '}")
  (data (i32.const 32) "hold")
  (data (i32.const 48) "nothing.here")
  ${realloc}
  ${printLine}
  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (local $n i32) (local $sub i32)
    (global.set $heap (i32.const 8192))
    (call $data (local.get $msg) (i32.const 3072))
    (local.set $n (i32.load (i32.const 3076)))
    (memory.copy (i32.const 1032) (i32.load (i32.const 3072)) (local.get $n))
    (memory.copy (i32.const 1024) (i32.const 16) (i32.const 8))
    (call $println (i32.const 1024) (i32.add (local.get $n) (i32.const 8)))
    ${hold ? `(call $connect (i32.const 32) (i32.const 4) (i32.const 3100))
    (if (i32.load8_u (i32.const 3100)) (then unreachable))
    (call $subscribe (i32.load (i32.const 3104)) (i32.const 48) (i32.const 12) (i32.const 3100))
    (if (i32.load8_u (i32.const 3100)) (then unreachable))
    (call $receive (i32.load (i32.const 3104)) (i32.const 120000) (i32.const 3100))` : ''}
    (call $ack (local.get $msg) (i32.const 3200))
    (if (i32.load8_u (i32.const 3200)) (then unreachable))
    (i32.store8 (i32.const 3232) (i32.const 0))
    (i32.const 3232)))`;

export const pulseWit = `package local:pulse;
world pulse {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  import proposal:messaging-ext/receive-timeout@0.1.0;
  import wasi:cli/stdout@0.2.2;
  export run: func() -> u64;
}`;

/**
 * Increments "beats" in bucket "pulse" every 100 ms (the pause is a receive with a
 * timeout) while the server is stopped and started again. Prints the first error. Ends
 * at the first increment that succeeds after an error, or after 600 tries, and returns
 * (ok << 32) | errors.
 */
export const pulseWat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $inc (param i32 i32 i32 i64 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "subscribe" (func $subscribe (param i32 i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[method]subscription.receive" (func $receive (param i32 i32 i32)))
  ${print}
  (memory (export "memory") 1)
  (data (i32.const 16) "pulse")
  (data (i32.const 32) "beats")
  (data (i32.const 48) "nothing.here")
  ${realloc}
  ${printLine}
  (func (export "run") (result i64)
    (local $b i32) (local $sub i32) (local $ok i64) (local $err i64) (local $i i32)
    (call $open (i32.const 16) (i32.const 5) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (call $connect (i32.const 16) (i32.const 5) (i32.const 3100))
    (if (i32.load8_u (i32.const 3100)) (then unreachable))
    (call $subscribe (i32.load (i32.const 3104)) (i32.const 48) (i32.const 12) (i32.const 3100))
    (if (i32.load8_u (i32.const 3100)) (then unreachable))
    (local.set $sub (i32.load (i32.const 3104)))
    (block $done (loop $beat
      (global.set $heap (i32.const 8192))
      (call $inc (local.get $b) (i32.const 32) (i32.const 5) (i64.const 1) (i32.const 96))
      (if (i32.load8_u (i32.const 96))
        (then
          ;; error::other(string) is case 2: print its text the first time
          (if (i32.and (i64.eqz (local.get $err)) (i32.eq (i32.load8_u (i32.const 104)) (i32.const 2)))
            (then (call $println (i32.load (i32.const 108)) (i32.load (i32.const 112)))))
          (local.set $err (i64.add (local.get $err) (i64.const 1))))
        (else
          (local.set $ok (i64.add (local.get $ok) (i64.const 1)))
          (br_if $done (i64.ne (local.get $err) (i64.const 0)))))
      (call $receive (local.get $sub) (i32.const 100) (i32.const 3100))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $beat (i32.lt_u (local.get $i) (i32.const 600)))))
    (i64.or (i64.shl (local.get $ok) (i64.const 32)) (local.get $err))))`;
