;; Publishes three temperature readings to sensors.temp while no consumer is running.
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
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "timeout\00")
  (data (i32.const 24) "send failed: \00")
  (data (i32.const 40) "published \00")
  (data (i32.const 56) " to sensors.temp\00")
  (data (i32.const 80) "sensor done; nobody was subscribed, so push delivery would have lost all three\00")
  (data (i32.const 160) "sensors.temp\00")
  (data (i32.const 176) "sensor\00")
  (data (i32.const 184) "sensors.linger\00")
  (data (i32.const 200) "21.5 °C\00")
  (data (i32.const 216) "21.7 °C\00")
  (data (i32.const 232) "22.0 °C\00")

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

  (func $send_reading (param $client i32) (param $p i32) (param $n i32)
    (call $send (local.get $client) (i32.const 160) (i32.const 12) (call $message_new (local.get $p) (local.get $n)) (i32.const 3104))
    (if (i32.load8_u (i32.const 3104))
      (then (call $puts (i32.const 24)) (call $put_error (i32.const 3108)))
      (else (call $puts (i32.const 40)) (call $put (local.get $p) (local.get $n)) (call $puts (i32.const 56))))
    (call $println))
  (func (export "run") (result i32)
    (local $client i32) (local $sub i32)
    (call $connect (i32.const 176) (i32.const 6) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (local.set $client (i32.load (i32.const 3076)))
    (call $subscribe (local.get $client) (i32.const 184) (i32.const 14) (i32.const 3072))
    (local.set $sub (i32.load (i32.const 3076)))
    (call $send_reading (local.get $client) (i32.const 200) (i32.const 8))
    (call $send_reading (local.get $client) (i32.const 216) (i32.const 8))
    (call $send_reading (local.get $client) (i32.const 232) (i32.const 8))
    ;; Linger 800 ms (a pull receive on a quiet topic) so the host's background appends
    ;; to the topic log finish before this worker ends.
    (call $receive (local.get $sub) (i32.const 800) (i32.const 3104))
    (call $drop_sub (local.get $sub))
    (call $drop_client (local.get $client))
    (call $puts (i32.const 80)) (call $println)
    (i32.const 3)))
