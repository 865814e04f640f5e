;; Tables and time-ordered logs on a flat key-value store, with the range queries of
;; proposal:keyvalue-range (wasi-keyvalue PR #4, Nov 2022, never merged).
;; A `key-range` variant is passed flat: discriminant, then its payload padded to the
;; largest case (tuple<string, string> = 4 × i32): (bucket, case, a, b, c, d, retptr).
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  ;; open(name) -> result<bucket, error>: tag u8 @0; ok: handle @4; err: variant tag u8 @4, string @8 @12
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; set(self, key ptr, key len, value ptr, value len, retptr) -> result<_, error>
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $kv_set (param i32 i32 i32 i32 i32 i32)))
  ;; get-keys -> result<list<string>, error>: tag @0, list ptr @4, len @8 (8 bytes per string)
  (import "proposal:keyvalue-range/range@0.1.0" "get-keys" (func $get_keys (param i32 i32 i32 i32 i32 i32 i32)))
  ;; get-range -> result<list<tuple<string, list<u8>>>, error>: tag @0, ptr @4, len @8
  ;;   (16 bytes per pair: key ptr, key len, value ptr, value len)
  (import "proposal:keyvalue-range/range@0.1.0" "get-range" (func $get_range (param i32 i32 i32 i32 i32 i32 i32)))
  ;; count-range -> result<u64, error>: tag @0, u64 @8 (the u64 aligns the payload to 8)
  (import "proposal:keyvalue-range/range@0.1.0" "count-range" (func $count_range (param i32 i32 i32 i32 i32 i32 i32)))
  ;; delete-range -> result<_, error>: tag @0, error @4
  (import "proposal:keyvalue-range/range@0.1.0" "delete-range" (func $delete_range (param i32 i32 i32 i32 i32 i32 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "no-such-store\00")
  (data (i32.const 32) "access-denied\00")
  (data (i32.const 48) " failed: \00")
  (data (i32.const 64) "set\00")
  (data (i32.const 72) "  \00")
  (data (i32.const 80) " = \00")
  (data (i32.const 88) "open\00")
  (data (i32.const 96) "delete-range(all)\00")
  (data (i32.const 120) "count-range\00")
  (data (i32.const 136) "stored \00")
  (data (i32.const 144) " keys: users as user:<id>:<column>, events as log:<timestamp>\00")
  (data (i32.const 208) "get-range(prefix(\"user:42:\")) – row 42 of the users table:\00")
  (data (i32.const 272) "get-range\00")
  (data (i32.const 288) "count-range(prefix(\"user:\")) = \00")
  (data (i32.const 320) " cells in the users table\00")
  (data (i32.const 352) "get-keys(from(\"log:2022-12-01T10:00:00Z\")) – everything from 10:00 on, no end bound:\00")
  (data (i32.const 440) "get-keys\00")
  (data (i32.const 456) "get-keys(interval(10:00, \"log;\")) – from 10:00, to stay in the log table:\00")
  (data (i32.const 536) "get-range(interval(10:00, 10:45)) – half-open, 10:45 excluded:\00")
  (data (i32.const 608) "count-range(inclusive(10:00, 10:45)) = \00")
  (data (i32.const 648) " (the end key counts)\00")
  (data (i32.const 672) "delete-range\00")
  (data (i32.const 688) "after delete-range(prefix(\"user:42:\")): \00")
  (data (i32.const 736) " cells left in the users table\00")
  (data (i32.const 768) "tables\00")
  (data (i32.const 776) "user:41:name\00")
  (data (i32.const 792) "Ada\00")
  (data (i32.const 800) "user:42:name\00")
  (data (i32.const 816) "Grace\00")
  (data (i32.const 824) "user:42:email\00")
  (data (i32.const 840) "grace@navy.example\00")
  (data (i32.const 864) "user:42:rank\00")
  (data (i32.const 880) "rear admiral\00")
  (data (i32.const 896) "user:43:name\00")
  (data (i32.const 912) "Linus\00")
  (data (i32.const 920) "user:43:email\00")
  (data (i32.const 936) "linus@example.org\00")
  (data (i32.const 960) "log:2022-12-01T09:30:00Z\00")
  (data (i32.const 992) "agenda posted\00")
  (data (i32.const 1008) "log:2022-12-01T10:00:00Z\00")
  (data (i32.const 1040) "keyvalue ranges debated\00")
  (data (i32.const 1064) "log:2022-12-01T10:20:00Z\00")
  (data (i32.const 1096) "messaging acks debated\00")
  (data (i32.const 1120) "log:2022-12-01T10:45:00Z\00")
  (data (i32.const 1152) "blobstore ranges debated\00")
  (data (i32.const 1184) "log:2022-12-02T08:00:00Z\00")
  (data (i32.const 1216) "notes published\00")
  (data (i32.const 1232) "user:42:\00")
  (data (i32.const 1248) "user:\00")
  (data (i32.const 1256) "log;\00")

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


  (global $b (mut i32) (i32.const 0))

  ;; Appends the wasi:keyvalue error variant at $p: no-such-store, access-denied, other(string).
  (func $put_error (param $p i32)
    (local $tag i32)
    (local.set $tag (i32.load8_u (local.get $p)))
    (if (i32.eqz (local.get $tag)) (then (call $puts (i32.const 16))))
    (if (i32.eq (local.get $tag) (i32.const 1)) (then (call $puts (i32.const 32))))
    (if (i32.eq (local.get $tag) (i32.const 2))
      (then (call $put (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.load (i32.add (local.get $p) (i32.const 8)))))))
  ;; 1 when the result at 3072 is ok; otherwise prints "<what> failed: <error>" and returns 0.
  (func $ok (param $what i32) (param $err_at i32) (result i32)
    (if (i32.eqz (i32.load8_u (i32.const 3072))) (then (return (i32.const 1))))
    (call $puts (local.get $what)) (call $puts (i32.const 48)) (call $put_error (local.get $err_at)) (call $println)
    (i32.const 0))

  (func $set (param $k i32) (param $kl i32) (param $v i32) (param $vl i32) (result i32)
    (call $kv_set (global.get $b) (local.get $k) (local.get $kl) (local.get $v) (local.get $vl) (i32.const 3072))
    (call $ok (i32.const 64) (i32.const 3076)))

  ;; Prints "  key = value" for each pair of a get-range result (ptr, len at 3076).
  (func $print_pairs
    (local $p i32) (local $end i32)
    (local.set $p (i32.load (i32.const 3076)))
    (local.set $end (i32.add (local.get $p) (i32.mul (i32.load (i32.const 3080)) (i32.const 16))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (call $puts (i32.const 72))
      (call $put (i32.load (local.get $p)) (i32.load offset=4 (local.get $p)))
      (call $puts (i32.const 80))
      (call $put (i32.load offset=8 (local.get $p)) (i32.load offset=12 (local.get $p)))
      (call $println)
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br $next))))

  ;; Prints "  key" for each string of a get-keys result (ptr, len at 3076).
  (func $print_keys
    (local $p i32) (local $end i32)
    (local.set $p (i32.load (i32.const 3076)))
    (local.set $end (i32.add (local.get $p) (i32.mul (i32.load (i32.const 3080)) (i32.const 8))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (call $puts (i32.const 72))
      (call $put (i32.load (local.get $p)) (i32.load offset=4 (local.get $p)))
      (call $println)
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br $next))))

  ;; Appends the u64 of a count-range result (at 3080) and returns it.
  (func $put_count (result i32)
    (local $n i32)
    (local.set $n (i32.wrap_i64 (i64.load (i32.const 3080))))
    (call $putnum (local.get $n))
    (local.get $n))

  (func (export "run") (result i32)
    (local $left i32)
    (call $open (i32.const 768) (i32.const 6) (i32.const 3072))
    (if (i32.eqz (call $ok (i32.const 88) (i32.const 3076))) (then (return (i32.const 0))))
    (global.set $b (i32.load (i32.const 3076)))
    (block $fail
      ;; Start from an empty bucket so every run prints the same thing.
      (call $delete_range (global.get $b) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 96) (i32.const 3076))))

      ;; Two "tables" in one flat namespace: users as user:<id>:<column>, and an event
      ;; log keyed by ISO-8601 timestamps, which sort like the times they name.
    (br_if $fail (i32.eqz (call $set (i32.const 776) (i32.const 12) (i32.const 792) (i32.const 3))))
    (br_if $fail (i32.eqz (call $set (i32.const 800) (i32.const 12) (i32.const 816) (i32.const 5))))
    (br_if $fail (i32.eqz (call $set (i32.const 824) (i32.const 13) (i32.const 840) (i32.const 18))))
    (br_if $fail (i32.eqz (call $set (i32.const 864) (i32.const 12) (i32.const 880) (i32.const 12))))
    (br_if $fail (i32.eqz (call $set (i32.const 896) (i32.const 12) (i32.const 912) (i32.const 5))))
    (br_if $fail (i32.eqz (call $set (i32.const 920) (i32.const 13) (i32.const 936) (i32.const 17))))
    (br_if $fail (i32.eqz (call $set (i32.const 960) (i32.const 24) (i32.const 992) (i32.const 13))))
    (br_if $fail (i32.eqz (call $set (i32.const 1008) (i32.const 24) (i32.const 1040) (i32.const 23))))
    (br_if $fail (i32.eqz (call $set (i32.const 1064) (i32.const 24) (i32.const 1096) (i32.const 22))))
    (br_if $fail (i32.eqz (call $set (i32.const 1120) (i32.const 24) (i32.const 1152) (i32.const 24))))
    (br_if $fail (i32.eqz (call $set (i32.const 1184) (i32.const 24) (i32.const 1216) (i32.const 15))))
      (call $count_range (global.get $b) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 120) (i32.const 3080))))
      (call $puts (i32.const 136)) (drop (call $put_count)) (call $puts (i32.const 144)) (call $println)

      ;; A row of the users table: every column of user 42, sorted by key.
      (call $puts (i32.const 208)) (call $println)
      (call $get_range (global.get $b) (i32.const 1) (i32.const 1232) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 272) (i32.const 3076))))
      (call $print_pairs)

      (call $count_range (global.get $b) (i32.const 1) (i32.const 1248) (i32.const 5) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 120) (i32.const 3080))))
      (call $puts (i32.const 288)) (drop (call $put_count)) (call $puts (i32.const 320)) (call $println)

      ;; "Everything later than X": only a start bound (Joel Dice's open-ended range).
      (call $puts (i32.const 352)) (call $println)
      (call $get_keys (global.get $b) (i32.const 4) (i32.const 1008) (i32.const 24) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 440) (i32.const 3076))))
      (call $print_keys)
      ;; from() ran past the log into user:* ("user" sorts after "log"); ending the range
      ;; at the prefix's successor "log;" (':' + 1) keeps it inside the log table.
      (call $puts (i32.const 456)) (call $println)
      (call $get_keys (global.get $b) (i32.const 3) (i32.const 1008) (i32.const 24) (i32.const 1256) (i32.const 4)  (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 440) (i32.const 3076))))
      (call $print_keys)

      ;; A window of the log: half-open excludes the end key, inclusive keeps it.
      (call $puts (i32.const 536)) (call $println)
      (call $get_range (global.get $b) (i32.const 3) (i32.const 1008) (i32.const 24) (i32.const 1120) (i32.const 24)  (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 272) (i32.const 3076))))
      (call $print_pairs)
      (call $count_range (global.get $b) (i32.const 2) (i32.const 1008) (i32.const 24) (i32.const 1120) (i32.const 24)  (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 120) (i32.const 3080))))
      (call $puts (i32.const 608)) (drop (call $put_count)) (call $puts (i32.const 648)) (call $println)

      ;; Dropping a row is one call instead of list-keys + a delete per column.
      (call $delete_range (global.get $b) (i32.const 1) (i32.const 1232) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 672) (i32.const 3076))))
      (call $count_range (global.get $b) (i32.const 1) (i32.const 1248) (i32.const 5) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 120) (i32.const 3080))))
      (call $puts (i32.const 688)) (drop (call $put_count)) (call $puts (i32.const 736)) (call $println)
      (call $count_range (global.get $b) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 3072))
      (br_if $fail (i32.eqz (call $ok (i32.const 120) (i32.const 3080))))
      (local.set $left (i32.wrap_i64 (i64.load (i32.const 3080))))
      (call $drop_bucket (global.get $b))
      (return (local.get $left)))
    (call $drop_bucket (global.get $b))
    (i32.const 0)))
