;; at-least-once consumer: bumps tally:alo:<nn> for every message #nn it handles.
;; It imports proposal:messaging-ext, which switches its delivery to at-least-once:
;; a failed increment is answered with nack(requeue = true) and the host redelivers.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; increment(bucket, key ptr, key len, delta s64, retptr) -> result<s64, error>: tag @0, s64 @8 / error @8
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $increment (param i32 i32 i32 i64 i32)))
  ;; ack(borrow<message>, retptr) and nack(borrow<message>, requeue, retptr) -> result<_, error>
  (import "proposal:messaging-ext/acks@0.1.0" "ack" (func $ack (param i32 i32)))
  (import "proposal:messaging-ext/acks@0.1.0" "nack" (func $nack (param i32 i32 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 3000) "tally:alo:")
  (data (i32.const 16) "error\00")
  (data (i32.const 24) "#\00")
  (data (i32.const 32) " failed: \00")
  (data (i32.const 48) " → nack(requeue), the host will redeliver it\00")
  (data (i32.const 96) " processed AGAIN (duplicate), count \00")
  (data (i32.const 136) " processed\00")
  (data (i32.const 152) "deliveries\00")

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

  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (local $b i32) (local $n i32)
    (global.set $heap (i32.const 8192))
    ;; the body is the message number as two ASCII digits; the key is tally:alo:<nn>
    (call $data (local.get $msg) (i32.const 3072))
    (local.set $n (call $atoi (i32.load (i32.const 3072)) (i32.load (i32.const 3076))))
    (memory.copy (i32.const 3010) (i32.load (i32.const 3072)) (i32.const 2))
    (call $open (i32.const 152) (i32.const 10) (i32.const 3104))
    (if (i32.load8_u (i32.const 3104)) (then unreachable))
    (local.set $b (i32.load (i32.const 3108)))
    (call $increment (local.get $b) (i32.const 3000) (i32.const 12) (i64.const 1) (i32.const 3136))
    (call $drop_bucket (local.get $b))
    (call $puts (i32.const 24)) (call $put (i32.const 3010) (i32.const 2))
    (if (i32.load8_u (i32.const 3136))
      (then
        (call $puts (i32.const 32)) (call $put_error (i32.const 3144))
        ;; nack with requeue: the message stays with the broker and comes back.
        (call $nack (local.get $msg) (i32.const 1) (i32.const 3200))
        (call $puts (i32.const 48))
        (call $println)
        (i32.store8 (i32.const 3232) (i32.const 0))
        (call $drop_message (local.get $msg))
        (return (i32.const 3232))))
    (if (i32.gt_s (i32.wrap_i64 (i64.load (i32.const 3144))) (i32.const 1))
      (then (call $puts (i32.const 96)) (call $putnum (i32.wrap_i64 (i64.load (i32.const 3144)))))
      (else (call $puts (i32.const 136))))
    (call $println)
    (call $ack (local.get $msg) (i32.const 3200))
    (call $drop_message (local.get $msg))
    (i32.store8 (i32.const 3232) (i32.const 0))
    (i32.const 3232)))
