;; exactly-once (effectively): pulls topic "deliveries" from its committed offset
;; (proposal:messaging-ext offsets), stores each effect once keyed by offset, then
;; commits. Its fault config makes the 4th commit fail, so it restarts and re-reads.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  ;; connect(name, retptr) -> result<client, error>: tag @0, handle @4 / error variant @4
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  ;; subscribe-from(client, topic ptr, topic len, offset u64, retptr) -> result<consumer, error>
  (import "proposal:messaging-ext/offsets@0.1.0" "subscribe-from" (func $subscribe_from (param i32 i32 i32 i64 i32)))
  ;; receive(self, timeout-ms, retptr) -> result<option<tuple<u64, message>>, error>
  ;;   the u64 aligns everything to 8: tag @0; option tag @8, offset @16, message @24; error @8
  (import "proposal:messaging-ext/offsets@0.1.0" "[method]consumer.receive" (func $receive (param i32 i32 i32)))
  ;; commit(self, next offset u64, retptr) -> result<_, error>: tag @0, error @4
  (import "proposal:messaging-ext/offsets@0.1.0" "[method]consumer.commit" (func $commit (param i32 i64 i32)))
  (import "proposal:messaging-ext/offsets@0.1.0" "[resource-drop]consumer" (func $drop_consumer (param i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; exists(self, key, retptr) -> result<bool, error>: tag @0, bool @4
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.exists" (func $exists (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $increment (param i32 i32 i32 i64 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  ;; key buffers: done:<offset> at 3020, tally:exo:<nn> at 3040
  (data (i32.const 3020) "done:")
  (data (i32.const 3040) "tally:exo:")
  (data (i32.const 16) "error\00")
  (data (i32.const 24) "subscribe-from failed: \00")
  (data (i32.const 48) "restarted: resuming from the committed offset\00")
  (data (i32.const 96) "receive failed: \00")
  (data (i32.const 120) "caught up: no new message within 700 ms\00")
  (data (i32.const 160) "offset \00")
  (data (i32.const 168) " (#\00")
  (data (i32.const 176) "): already processed before the restart → skipped\00")
  (data (i32.const 232) "): processed\00")
  (data (i32.const 248) "commit(\00")
  (data (i32.const 256) ") failed: \00")
  (data (i32.const 272) " → crash, restart from the last commit\00")
  (data (i32.const 320) "offsets-demo\00")
  (data (i32.const 336) "deliveries\00")
  (data (i32.const 352) "1\00")

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
    (local $client i32) (local $b i32) (local $c i32) (local $off i32) (local $msg i32)
    (local $klen i32) (local $sessions i32) (local $done i32)
    (call $connect (i32.const 320) (i32.const 12) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (local.set $client (i32.load (i32.const 3076)))
    (call $open (i32.const 336) (i32.const 10) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (local.set $b (i32.load (i32.const 3076)))
    (block $stop
      (loop $session
        ;; offset u64::MAX = "where this consumer last committed" (0 the first time)
        (call $subscribe_from (local.get $client) (i32.const 336) (i32.const 10) (i64.const -1) (i32.const 3072))
        (if (i32.load8_u (i32.const 3072))
          (then (call $puts (i32.const 24)) (call $put_error (i32.const 3076)) (call $println) (br $stop)))
        (local.set $c (i32.load (i32.const 3076)))
        (if (local.get $sessions) (then (call $puts (i32.const 48)) (call $println)))
        (local.set $sessions (i32.add (local.get $sessions) (i32.const 1)))
        (loop $next
          (global.set $heap (i32.const 8192))
          (call $receive (local.get $c) (i32.const 700) (i32.const 3072))
          (if (i32.load8_u (i32.const 3072))
            (then (call $puts (i32.const 96)) (call $put_error (i32.const 3080)) (call $println) (call $drop_consumer (local.get $c)) (br $stop)))
          (if (i32.eqz (i32.load8_u (i32.const 3080)))
            (then (call $puts (i32.const 120)) (call $println) (call $drop_consumer (local.get $c)) (br $stop)))
          (local.set $off (i32.wrap_i64 (i64.load (i32.const 3088))))
          (local.set $msg (i32.load (i32.const 3096)))
          (call $data (local.get $msg) (i32.const 3104))
          (memory.copy (i32.const 3050) (i32.load (i32.const 3104)) (i32.const 2))
          (call $drop_message (local.get $msg))
          ;; Idempotent by offset: done:<offset> marks an offset whose effect is stored.
          (local.set $klen (i32.add (i32.const 5) (call $utoa (local.get $off) (i32.const 3025))))
          (call $exists (local.get $b) (i32.const 3020) (local.get $klen) (i32.const 3104))
          (call $puts (i32.const 160)) (call $putnum (local.get $off)) (call $puts (i32.const 168)) (call $put (i32.const 3050) (i32.const 2))
          (if (i32.load8_u (i32.const 3108))
            (then (call $puts (i32.const 176)))
            (else
              (call $increment (local.get $b) (i32.const 3040) (i32.const 12) (i64.const 1) (i32.const 3136))
              (call $set (local.get $b) (i32.const 3020) (local.get $klen) (i32.const 352) (i32.const 1) (i32.const 3136))
              (local.set $done (i32.add (local.get $done) (i32.const 1)))
              (call $puts (i32.const 232))))
          (call $println)
          ;; Commit the next offset to read. If the commit fails the consumer "crashes"
          ;; and restarts from the last committed offset: some messages come again.
          (call $commit (local.get $c) (i64.extend_i32_u (i32.add (local.get $off) (i32.const 1))) (i32.const 3104))
          (if (i32.load8_u (i32.const 3104))
            (then
              (call $puts (i32.const 248)) (call $putnum (i32.add (local.get $off) (i32.const 1))) (call $puts (i32.const 256))
              (call $put_error (i32.const 3108)) (call $puts (i32.const 272)) (call $println)
              (call $drop_consumer (local.get $c))
              (br $session)))
          (br $next))))
    (call $drop_bucket (local.get $b))
    (call $drop_client (local.get $client))
    (local.get $done)))
