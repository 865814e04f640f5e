/**
 * Producer: `run(n)` sends n small messages to topic "bench.msg" as fast as it can;
 * `paced(bursts, k)` sends `bursts` bursts of k messages and after each burst sleeps 1 ms
 * on a `wasi:clocks` pollable (a 1 ms timer in the host), matched on the raw side by a 1 ms
 * setTimeout between bursts. (Until stop 29 it slept by a request nobody answered, with a
 * 1 ms timeout: a message, an inbox and a timeout error per burst that the raw side did not
 * pay, on NATS a subscription, a publication and an unsubscription at the server.)
 */
export const producerWit = `package local:msg-bench-producer;
world producer {
  import wasi:messaging/producer@0.2.0-draft;
  import wasi:clocks/monotonic-clock@0.2.2;
  export run: func(n: u32) -> u32;
  export paced: func(bursts: u32, k: u32) -> u32;
}`;

export const producerWat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  (import "wasi:clocks/monotonic-clock@0.2.2" "subscribe-duration" (func $after (param i64) (result i32)))
  (import "wasi:io/poll@0.2.2" "[method]pollable.block" (func $block (param i32)))
  (import "wasi:io/poll@0.2.2" "[resource-drop]pollable" (func $drop_pollable (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "bench")
  (data (i32.const 32) "bench.msg")
  (data (i32.const 64) "payload-of-32-bytes.............")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (if (i32.gt_u (global.get $heap) (i32.const 60000)) (then (global.set $heap (i32.const 4096))))
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func $client (result i32)
    (call $connect (i32.const 16) (i32.const 5) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (i32.load (i32.const 260)))
  (func $send_one (param $c i32)
    (call $send (local.get $c) (i32.const 32) (i32.const 9)
      (call $message_new (i32.const 64) (i32.const 32)) (i32.const 288))
    (if (i32.load8_u (i32.const 288)) (then unreachable)))
  (func (export "run") (param $n i32) (result i32)
    (local $c i32) (local $i i32)
    (local.set $c (call $client))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (call $send_one (local.get $c))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $i))
  (func (export "paced") (param $bursts i32) (param $k i32) (result i32)
    (local $c i32) (local $b i32) (local $i i32) (local $sent i32) (local $timer i32)
    (local.set $c (call $client))
    (block $done (loop $burst
      (br_if $done (i32.ge_u (local.get $b) (local.get $bursts)))
      (local.set $i (i32.const 0))
      (block $full (loop $next
        (br_if $full (i32.ge_u (local.get $i) (local.get $k)))
        (call $send_one (local.get $c))
        (local.set $sent (i32.add (local.get $sent) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
      ;; Sleep 1 ms (1,000,000 ns) on a clock pollable.
      (local.set $timer (call $after (i64.const 1000000)))
      (call $block (local.get $timer))
      (call $drop_pollable (local.get $timer))
      (global.set $heap (i32.const 4096))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $burst)))
    (local.get $sent)))`;

/** Handler: accepts every message (ok result) and drops it. */
export const handlerWit = `package local:msg-bench-handler;
world handler {
  export wasi:messaging/incoming-handler@0.2.0-draft;
}`;

export const handlerWat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  ;; result<_, error> is returned through memory: tag 0 = ok at address 16.
  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (call $drop_message (local.get $msg))
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.const 16)))`;
