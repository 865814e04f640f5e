;; Optimistic concurrency with draft2 atomics: read through a cas handle, compute, swap.
;; Between the read and the swap another writer changes the price (this guest plays that
;; writer itself with a plain set, so the conflict happens on every run); the swap fails
;; with cas-failed and hands back a fresh handle, and the retry succeeds.
;;
;; Memory: 16..511 strings, 768..1023 return areas, 1024..1087 the new price,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  ;; cas.new(bucket, key ptr, key len, retptr) -> result<cas, error>: tag @0, handle @4
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "[static]cas.new" (func $cas_new (param i32 i32 i32 i32)))
  ;; current(self, retptr) -> result<option<list<u8>>, error>: tag @0, option tag @4, ptr @8, len @12
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "[method]cas.current" (func $current (param i32 i32)))
  ;; swap(own cas, value ptr, value len, retptr) -> result<_, cas-error>: tag @0;
  ;;   err: cas-error tag @4 (0 store-error(error), 1 cas-failed(cas)), the new handle @8
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "swap" (func $swap (param i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "shop\00")
  (data (i32.const 32) "price\00")
  (data (i32.const 48) "100\00")
  (data (i32.const 64) "120\00")
  (data (i32.const 80) "cas.new: the handle saw price = \00")
  (data (i32.const 128) "meanwhile another writer sets price = 120\00")
  (data (i32.const 176) "swap(\00")
  (data (i32.const 192) ") failed: cas-failed, the value changed; retrying with the handle it returned\00")
  (data (i32.const 272) ") succeeded\00")
  (data (i32.const 288) "retry: the fresh handle sees price = \00")
  (data (i32.const 336) "swap failed: store-error\00")
  (data (i32.const 368) "(none)\00")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
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

  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 4095) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 1000))
    (if (i32.load8_u (i32.const 1000)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  (func $check (if (i32.load8_u (i32.const 768)) (then unreachable)))

  ;; Reads the handle's current value (a decimal price), prints it, returns it as a number.
  (func $read_price (param $cas i32) (param $label i32) (result i32)
    (local $p i32) (local $n i32) (local $v i32)
    (call $current (local.get $cas) (i32.const 768)) (call $check)
    (call $puts (local.get $label))
    (if (i32.eqz (i32.load8_u (i32.const 772))) (then (call $puts (i32.const 368)) (call $println) (return (i32.const 0))))
    (local.set $p (i32.load (i32.const 776)))
    (local.set $n (i32.load (i32.const 780)))
    (call $put (local.get $p) (local.get $n))
    (call $println)
    (block $end (loop $digit
      (br_if $end (i32.eqz (local.get $n)))
      (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (i32.sub (i32.load8_u (local.get $p)) (i32.const 48))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $digit)))
    (local.get $v))

  ;; Writes n in decimal at 1024; returns the number of digits.
  (func $utoa (param $n i32) (result i32)
    (local $len i32) (local $i i32) (local $t i32)
    (local.set $t (local.get $n))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $i (local.get $len))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (i32.const 1024) (local.get $i)) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $i)))
    (local.get $len))

  ;; Raises the price by 10 through cas + swap, retrying on cas-failed. Returns the
  ;; number of attempts; the price ends 10 above whatever was there at the last read.
  (func (export "run") (result i32)
    (local $b i32) (local $cas i32) (local $price i32) (local $len i32) (local $attempts i32)
    (call $open (i32.const 16) (i32.const 4) (i32.const 768)) (call $check)
    (local.set $b (i32.load (i32.const 772)))
    (call $set (local.get $b) (i32.const 32) (i32.const 5) (i32.const 48) (i32.const 3) (i32.const 768)) (call $check)

    (call $cas_new (local.get $b) (i32.const 32) (i32.const 5) (i32.const 768)) (call $check)
    (local.set $cas (i32.load (i32.const 772)))
    (local.set $price (call $read_price (local.get $cas) (i32.const 80)))
    ;; The conflicting write, after the read and before the swap.
    (call $puts (i32.const 128)) (call $println)
    (call $set (local.get $b) (i32.const 32) (i32.const 5) (i32.const 64) (i32.const 3) (i32.const 768)) (call $check)

    (block $done (loop $attempt
      (local.set $attempts (i32.add (local.get $attempts) (i32.const 1)))
      (local.set $len (call $utoa (i32.add (local.get $price) (i32.const 10))))
      ;; swap consumes the handle, whatever the outcome.
      (call $swap (local.get $cas) (i32.const 1024) (local.get $len) (i32.const 768))
      (call $puts (i32.const 176)) (call $put (i32.const 1024) (local.get $len))
      (br_if $done (i32.eqz (i32.load8_u (i32.const 768))))
      (if (i32.eqz (i32.load8_u (i32.const 772)))
        (then (call $println) (call $puts (i32.const 336)) (call $println) (unreachable)))
      (call $puts (i32.const 192)) (call $println)
      (local.set $cas (i32.load (i32.const 776)))
      (local.set $price (call $read_price (local.get $cas) (i32.const 288)))
      (br $attempt)))
    (call $puts (i32.const 272)) (call $println)
    (call $drop_bucket (local.get $b))
    (local.get $attempts)))
