/** WIT of a guest that increments one shared counter with `wasi:keyvalue/atomics`. */
export const incrementWit = `package local:inc;
world inc {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export run: func() -> s64;
}`;

/** Increments "hits" in bucket "shared" 200 times in one `run` call (two tabs or machines race it). */
export const incrementWat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $inc (param i32 i32 i32 i64 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "shared")
  (data (i32.const 32) "hits")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func (export "run") (result i64)
    (local $b i32) (local $i i32)
    (call $open (i32.const 16) (i32.const 6) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (loop $again
      (call $inc (local.get $b) (i32.const 32) (i32.const 4) (i64.const 1) (i32.const 96))
      (if (i32.load8_u (i32.const 96)) (then unreachable))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (i32.const 200))))
    (i64.load (i32.const 104))))`;
