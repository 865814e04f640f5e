;; A guest for an interface the user declared in their own WIT (proposal:kv-ttl, not
;; shipped by the playground); its host is the custom host in the "Host code" tab.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  ;; set-with-ttl(key ptr, key len, value ptr, value len, ttl-ms)
  (import "proposal:kv-ttl/ttl@0.1.0" "set-with-ttl" (func $set_with_ttl (param i32 i32 i32 i32 i32)))
  ;; get(key ptr, key len, retptr) -> option<list<u8>>: tag @0, ptr @4, len @8
  (import "proposal:kv-ttl/ttl@0.1.0" "get" (func $get (param i32 i32 i32)))
  ;; sleep(ms): async in the custom host, so the guest suspends (JSPI) instead of spinning
  (import "proposal:kv-ttl/testing@0.1.0" "sleep" (func $sleep (param i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "get(\00")
  (data (i32.const 24) ") = \00")
  (data (i32.const 32) "none\00")
  (data (i32.const 40) "some(\"\00")
  (data (i32.const 48) "\")\00")
  (data (i32.const 56) "set-with-ttl(session, token-4711, 250 ms)\00")
  (data (i32.const 104) "set-with-ttl(theme, dark, 60000 ms)\00")
  (data (i32.const 144) "slept 400 ms\00")
  (data (i32.const 160) "session\00")
  (data (i32.const 168) "token-4711\00")
  (data (i32.const 184) "theme\00")
  (data (i32.const 192) "dark\00")

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


  ;; Prints "get(<key>) = some("…")" or "= none"; returns 1 for some.
  (func $show (param $k i32) (param $kl i32) (result i32)
    (call $get (local.get $k) (local.get $kl) (i32.const 3072))
    (call $puts (i32.const 16)) (call $put (local.get $k) (local.get $kl)) (call $puts (i32.const 24))
    (if (i32.eqz (i32.load8_u (i32.const 3072))) (then (call $puts (i32.const 32)) (call $println) (return (i32.const 0))))
    (call $puts (i32.const 40)) (call $put (i32.load (i32.const 3076)) (i32.load (i32.const 3080))) (call $puts (i32.const 48)) (call $println)
    (i32.const 1))

  (func (export "run") (result i32)
    (call $set_with_ttl (i32.const 160) (i32.const 7) (i32.const 168) (i32.const 10) (i32.const 250))
    (call $puts (i32.const 56)) (call $println)
    (call $set_with_ttl (i32.const 184) (i32.const 5) (i32.const 192) (i32.const 4) (i32.const 60000))
    (call $puts (i32.const 104)) (call $println)
    (drop (call $show (i32.const 160) (i32.const 7)))
    (call $sleep (i32.const 400))
    (call $puts (i32.const 144)) (call $println)
    ;; how many of the two keys are still there (1: only theme)
    (i32.add (call $show (i32.const 160) (i32.const 7)) (call $show (i32.const 184) (i32.const 5)))))
