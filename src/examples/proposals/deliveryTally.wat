;; Reads the three consumers' tallies (bucket "deliveries", keys tally:<consumer>:<nn>)
;; and prints, per delivery guarantee, which messages were lost and which counted twice.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; get(self, key, retptr) -> result<option<list<u8>>, error>: tag @0, option tag @4, ptr @8, len @12
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $get (param i32 i32 i32 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 3040) "tally:")
  (data (i32.const 3049) ":")
  (data (i32.const 16) "lost:\00")
  (data (i32.const 24) " #\00")
  (data (i32.const 32) " none\00")
  (data (i32.const 40) " · twice or more:\00")
  (data (i32.const 64) " · effects: \00")
  (data (i32.const 80) " for 10 messages\00")
  (data (i32.const 104) "tally of 10 messages sent:\00")
  (data (i32.const 136) "  at-most-once   \00")
  (data (i32.const 160) "amo\00")
  (data (i32.const 168) "  at-least-once  \00")
  (data (i32.const 192) "alo\00")
  (data (i32.const 200) "  exactly-once   \00")
  (data (i32.const 224) "exo\00")
  (data (i32.const 232) "deliveries\00")

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
  ;; How often consumer $code (3 letters) handled message #$n: tally:<code>:<nn>, a decimal counter.
  (func $count (param $code i32) (param $n i32) (result i32)
    (memory.copy (i32.const 3046) (local.get $code) (i32.const 3))
    (i32.store8 (i32.const 3050) (i32.add (i32.const 48) (i32.div_u (local.get $n) (i32.const 10))))
    (i32.store8 (i32.const 3051) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
    (call $get (global.get $b) (i32.const 3040) (i32.const 12) (i32.const 3072))
    (if (i32.or (i32.load8_u (i32.const 3072)) (i32.eqz (i32.load8_u (i32.const 3076)))) (then (return (i32.const 0))))
    (call $atoi (i32.load (i32.const 3080)) (i32.load (i32.const 3084))))

  ;; Prints "<label> lost: .. · twice: .. · handled N of 10"; returns how many were lost or doubled.
  (func $row (param $label i32) (param $code i32) (result i32)
    (local $n i32) (local $k i32) (local $total i32) (local $bad i32) (local $any i32)
    (call $puts (local.get $label)) (call $puts (i32.const 16))
    (local.set $n (i32.const 1))
    (loop $lost
      (if (i32.eqz (call $count (local.get $code) (local.get $n)))
        (then (call $puts (i32.const 24)) (call $put (i32.const 3050) (i32.const 2)) (local.set $any (i32.const 1)) (local.set $bad (i32.add (local.get $bad) (i32.const 1)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $lost (i32.le_u (local.get $n) (i32.const 10))))
    (if (i32.eqz (local.get $any)) (then (call $puts (i32.const 32))))
    (local.set $any (i32.const 0))
    (call $puts (i32.const 40))
    (local.set $n (i32.const 1))
    (loop $dup
      (local.set $k (call $count (local.get $code) (local.get $n)))
      (local.set $total (i32.add (local.get $total) (local.get $k)))
      (if (i32.gt_u (local.get $k) (i32.const 1))
        (then (call $puts (i32.const 24)) (call $put (i32.const 3050) (i32.const 2)) (local.set $any (i32.const 1)) (local.set $bad (i32.add (local.get $bad) (i32.const 1)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $dup (i32.le_u (local.get $n) (i32.const 10))))
    (if (i32.eqz (local.get $any)) (then (call $puts (i32.const 32))))
    (call $puts (i32.const 64)) (call $putnum (local.get $total)) (call $puts (i32.const 80))
    (call $println)
    (local.get $bad))

  (func (export "run") (result i32)
    (local $bad i32)
    (call $open (i32.const 232) (i32.const 10) (i32.const 3072))
    (if (i32.load8_u (i32.const 3072)) (then unreachable))
    (global.set $b (i32.load (i32.const 3076)))
    (call $puts (i32.const 104)) (call $println)
    (drop (call $row (i32.const 136) (i32.const 160)))
    (drop (call $row (i32.const 168) (i32.const 192)))
    (local.set $bad (call $row (i32.const 200) (i32.const 224)))
    (call $drop_bucket (global.get $b))
    ;; 0 when the offset consumer's effects were exactly one per message
    (local.get $bad)))
