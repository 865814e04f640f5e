;; Pull consumption with the proposal:messaging-ext interfaces: receive with a timeout on a
;; live subscription, then a replay of the topic log from offset 0.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "subscribe" (func $subscribe (param i32 i32 i32 i32)))
  ;; receive(self, timeout-ms, retptr) -> result<option<message>, error>: tag @0, option tag @4, handle @8
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[method]subscription.receive" (func $receive (param i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[resource-drop]subscription" (func $drop_sub (param i32)))
  (import "proposal:messaging-ext/offsets@0.1.0" "subscribe-from" (func $subscribe_from (param i32 i32 i32 i64 i32)))
  ;; receive -> result<option<tuple<u64, message>>, error>: tag @0; option tag @8, offset @16, message @24
  (import "proposal:messaging-ext/offsets@0.1.0" "[method]consumer.receive" (func $consume (param i32 i32 i32)))
  (import "proposal:messaging-ext/offsets@0.1.0" "[resource-drop]consumer" (func $drop_consumer (param i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "timeout\00")
  (data (i32.const 24) "receive(\00")
  (data (i32.const 40) " ms) → \00")
  (data (i32.const 56) "error: \00")
  (data (i32.const 64) "none (timed out)\00")
  (data (i32.const 88) "some: \00")
  (data (i32.const 96) "subscribe failed: \00")
  (data (i32.const 120) "live subscription to sensors.temp (the sensor's readings were published before it existed):\00")
  (data (i32.const 216) "published 22.4 °C (dashboard self-test)\00")
  (data (i32.const 264) "replay: subscribe-from(sensors.temp, offset 0)\00")
  (data (i32.const 312) "subscribe-from failed: \00")
  (data (i32.const 336) "  offset \00")
  (data (i32.const 352) ": \00")
  (data (i32.const 360) "replayed \00")
  (data (i32.const 376) " readings; then receive(300 ms) returned none\00")
  (data (i32.const 424) "dashboard\00")
  (data (i32.const 440) "sensors.temp\00")
  (data (i32.const 456) "22.4 °C (dashboard self-test)\00")

  (global $heap (mut i32) (i32.const 8192))
  ;; Bump allocator: the host copies strings and lists it returns into guest memory.
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    ;; grow a page at a time until the allocation fits
    (block $fits (loop $grow
      (br_if $fits (i32.le_u (global.get $heap) (i32.shl (memory.size) (i32.const 16))))
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow)))
    (local.get $p))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end (loop $next
      (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))

  ;; The line buffer (4096..6143): $put appends bytes (dropping what does not fit),
  ;; $puts a NUL-terminated string, $putnum a decimal number, $println writes the line.
  (global $line (mut i32) (i32.const 4096))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 6143) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  ;; Writes n in decimal at $dst; returns the number of digits.
  (func $utoa (param $n i32) (param $dst i32) (result i32)
    (local $len i32) (local $i i32) (local $t i32)
    (local.set $t (local.get $n))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $i (local.get $len))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $dst) (local.get $i)) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $i)))
    (local.get $len))
  (func $putnum (param $n i32) (call $put (i32.const 6160) (call $utoa (local.get $n) (i32.const 6160))))
  ;; Reads a decimal number from bytes (stops at the first non-digit).
  (func $atoi (param $p i32) (param $n i32) (result i32)
    (local $v i32) (local $c i32)
    (block $end (loop $next
      (br_if $end (i32.eqz (local.get $n)))
      (local.set $c (i32.sub (i32.load8_u (local.get $p)) (i32.const 48)))
      (br_if $end (i32.gt_u (local.get $c) (i32.const 9)))
      (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $v))
  ;; One write per line; the host hands out a fresh stdout stream per get-stdout, so drop it.
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 4096) (i32.sub (global.get $line) (i32.const 4095)) (i32.const 6144))
    (if (i32.load8_u (i32.const 6144)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 4096)))


  ;; Appends the wasi:messaging error variant at $p ("other" and friends carry a string).
  (func $put_error (param $p i32)
    (if (i32.eqz (i32.load8_u (local.get $p)))
      (then (call $puts (i32.const 16)))
      (else (call $put (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.load (i32.add (local.get $p) (i32.const 8)))))))

  ;; Pull receive with a timeout; prints what came (or that nothing did) and returns 1 if a message came.
  (func $poll (param $sub i32) (param $ms i32) (result i32)
    (local $msg i32)
    (call $puts (i32.const 24)) (call $putnum (local.get $ms)) (call $puts (i32.const 40))
    (call $receive (local.get $sub) (local.get $ms) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072))
      (then (call $puts (i32.const 56)) (call $put_error (i32.const 3076)) (call $println) (return (i32.const 0))))
    (if (i32.eqz (i32.load8_u (i32.const 3076)))
      (then (call $puts (i32.const 64)) (call $println) (return (i32.const 0))))
    (local.set $msg (i32.load (i32.const 3080)))
    (call $data (local.get $msg) (i32.const 3104))
    (call $puts (i32.const 88)) (call $put (i32.load (i32.const 3104)) (i32.load (i32.const 3108)))
    (call $println)
    (call $drop_message (local.get $msg))
    (i32.const 1))

  (func (export "run") (result i32)
    (local $client i32) (local $sub i32) (local $c i32) (local $n i32) (local $msg i32)
    (call $connect (i32.const 424) (i32.const 9) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (local.set $client (i32.load (i32.const 3076)))

    ;; 1. receive with a timeout: a live subscription only sees what is published after it.
    (call $subscribe (local.get $client) (i32.const 440) (i32.const 12) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072))
      (then (call $puts (i32.const 96)) (call $put_error (i32.const 3076)) (call $println) (return (i32.const 0))))
    (local.set $sub (i32.load (i32.const 3076)))
    (call $puts (i32.const 120)) (call $println)
    (drop (call $poll (local.get $sub) (i32.const 250)))
    (call $send (local.get $client) (i32.const 440) (i32.const 12) (call $message_new (i32.const 456) (i32.const 30)) (i32.const 3104))
    (call $puts (i32.const 216)) (call $println)
    (drop (call $poll (local.get $sub) (i32.const 250)))
    (drop (call $poll (local.get $sub) (i32.const 250)))
    (call $drop_sub (local.get $sub))

    ;; 2. Kafka-style replay: the topic log keeps what was published, so offset 0 works
    ;;    even though the sensor's worker is gone.
    (call $puts (i32.const 264)) (call $println)
    (call $subscribe_from (local.get $client) (i32.const 440) (i32.const 12) (i64.const 0) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072))
      (then (call $puts (i32.const 312)) (call $put_error (i32.const 3076)) (call $println) (return (i32.const 0))))
    (local.set $c (i32.load (i32.const 3076)))
    (block $end (loop $next
      (global.set $heap (i32.const 8192))
      (call $consume (local.get $c) (i32.const 300) (i32.const 3072))
      (br_if $end (i32.load8_u (i32.const 3072)))
      (br_if $end (i32.eqz (i32.load8_u (i32.const 3080))))
      (local.set $msg (i32.load (i32.const 3096)))
      (call $data (local.get $msg) (i32.const 3104))
      (call $puts (i32.const 336)) (call $putnum (i32.wrap_i64 (i64.load (i32.const 3088)))) (call $puts (i32.const 352))
      (call $put (i32.load (i32.const 3104)) (i32.load (i32.const 3108)))
      (call $println)
      (call $drop_message (local.get $msg))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (call $puts (i32.const 360)) (call $putnum (local.get $n)) (call $puts (i32.const 376)) (call $println)
    (call $drop_consumer (local.get $c))
    (call $drop_client (local.get $client))
    (local.get $n)))
