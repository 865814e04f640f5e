;; Sends messages #01 … #10 to topic "deliveries". Its fault config (drop and duplicate
;; at send, seed 22) decides which copies reach the push subscribers; the topic log that
;; the offsets consumer reads is appended by the host before the faulty network.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  ;; connect(name, retptr) -> result<client, error>: tag @0, handle @4 / error variant @4
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  ;; send(client, topic ptr, topic len, own<message>, retptr) -> result<_, error>
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  ;; receive-timeout: subscribe(client, topic, retptr) -> result<subscription, error>;
  ;; receive(self, timeout-ms, retptr) -> result<option<message>, error>: tag @0, option tag @4, handle @8
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "subscribe" (func $subscribe (param i32 i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[method]subscription.receive" (func $receive (param i32 i32 i32)))
  (import "proposal:messaging-ext/receive-timeout@0.1.0" "[resource-drop]subscription" (func $drop_sub (param i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; delete-range(bucket, key-range case + 4 payload words, retptr): case 0 = all
  (import "proposal:keyvalue-range/range@0.1.0" "delete-range" (func $delete_range (param i32 i32 i32 i32 i32 i32 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "error\00")
  (data (i32.const 24) "connect failed: \00")
  (data (i32.const 48) "send failed: \00")
  (data (i32.const 64) "sent #\00")
  (data (i32.const 72) "sent \00")
  (data (i32.const 80) " messages to topic deliveries, lingered 800 ms\00")
  (data (i32.const 128) "deliveries\00")
  (data (i32.const 144) "delivery-demo\00")
  (data (i32.const 160) "deliveries.linger\00")

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


  ;; Appends the wasi:keyvalue / wasi:messaging error variant at $p ("other" carries a string).
  (func $put_error (param $p i32)
    (if (i32.ge_u (i32.load8_u (local.get $p)) (i32.const 2))
      (then (call $put (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.load (i32.add (local.get $p) (i32.const 8)))))
      (else (call $puts (i32.const 16)))))

  (func (export "run") (result i32)
    (local $client i32) (local $sub i32) (local $n i32) (local $sent i32)
    ;; Fresh tallies for this run (the consumers count into bucket "deliveries").
    (call $open (i32.const 128) (i32.const 10) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (call $delete_range (i32.load (i32.const 3076)) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 3104))
    (call $drop_bucket (i32.load (i32.const 3076)))
    (call $connect (i32.const 144) (i32.const 13) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072))
      (then (call $puts (i32.const 24)) (call $put_error (i32.const 3076)) (call $println) (return (i32.const 0))))
    (local.set $client (i32.load (i32.const 3076)))
    (call $subscribe (local.get $client) (i32.const 160) (i32.const 17) (i32.const 3072))
    (local.set $sub (i32.load (i32.const 3076)))
    (loop $next
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      ;; body "01" … "10"
      (i32.store8 (i32.const 3000) (i32.add (i32.const 48) (i32.div_u (local.get $n) (i32.const 10))))
      (i32.store8 (i32.const 3001) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (call $send (local.get $client) (i32.const 128) (i32.const 10) (call $message_new (i32.const 3000) (i32.const 2)) (i32.const 3104))
      (if (i32.load8_u (i32.const 3104))
        (then (call $puts (i32.const 48)) (call $put_error (i32.const 3108)))
        (else (local.set $sent (i32.add (local.get $sent) (i32.const 1))) (call $puts (i32.const 64)) (call $put (i32.const 3000) (i32.const 2))))
      (call $println)
      (br_if $next (i32.lt_u (local.get $n) (i32.const 10))))
    ;; Linger 800 ms like a Kafka producer's flush(): the host appends each send to the topic log
    ;; in the background and holds delayed copies, and both die with this worker. A pull
    ;; receive on a quiet topic is the only way to wait that these interfaces offer.
    (call $receive (local.get $sub) (i32.const 800) (i32.const 3104))
    (call $drop_sub (local.get $sub))
    (call $drop_client (local.get $client))
    (call $puts (i32.const 72)) (call $putnum (local.get $sent)) (call $puts (i32.const 80)) (call $println)
    (local.get $sent)))
