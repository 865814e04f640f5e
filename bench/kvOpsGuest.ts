/** A guest that performs `n` set calls then `n` get calls on bucket "bench" (keys k-0000…). */
export const kvOpsWit = `package local:kv-bench;
world kv-bench {
  import wasi:keyvalue/store@0.2.0-draft2;
  export run: func(n: u32) -> u32;
}`;

/**
 * What the 0.2 and 0.3 kv-bench guests share: bucket and key data, a wrapping bump
 * `cabi_realloc`, and `$key`, which writes n as the key's four digits ("k-0042").
 */
export const kvOpsShared = `(data (i32.const 16) "bench")
  (data (i32.const 256) "k-0000")
  (data (i32.const 300) "a value of thirty-two bytes.....")
  (global $heap (mut i32) (i32.const 8192))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    ;; Reset per call would be nicer; the bench stays far below 2 pages of returned values.
    (if (i32.gt_u (global.get $heap) (i32.const 120000)) (then (global.set $heap (i32.const 8192))))
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func $key (param $n i32)
    (i32.store8 (i32.const 258) (i32.add (i32.const 48) (i32.rem_u (i32.div_u (local.get $n) (i32.const 1000)) (i32.const 10))))
    (i32.store8 (i32.const 259) (i32.add (i32.const 48) (i32.rem_u (i32.div_u (local.get $n) (i32.const 100)) (i32.const 10))))
    (i32.store8 (i32.const 260) (i32.add (i32.const 48) (i32.rem_u (i32.div_u (local.get $n) (i32.const 10)) (i32.const 10))))
    (i32.store8 (i32.const 261) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10)))))`;

export const kvOpsWat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $get (param i32 i32 i32 i32)))
  (memory (export "memory") 2)
  ${kvOpsShared}
  (func (export "run") (param $n i32) (result i32)
    (local $b i32) (local $i i32) (local $found i32)
    (call $open (i32.const 16) (i32.const 5) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (block $done (loop $sets
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (call $key (local.get $i))
      (call $set (local.get $b) (i32.const 256) (i32.const 6) (i32.const 300) (i32.const 32) (i32.const 96))
      (if (i32.load8_u (i32.const 96)) (then unreachable))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sets)))
    (local.set $i (i32.const 0))
    (block $done2 (loop $gets
      (br_if $done2 (i32.ge_u (local.get $i) (local.get $n)))
      (call $key (local.get $i))
      (call $get (local.get $b) (i32.const 256) (i32.const 6) (i32.const 128))
      (if (i32.load8_u (i32.const 128)) (then unreachable))
      (local.set $found (i32.add (local.get $found) (i32.load8_u (i32.const 132))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $gets)))
    (local.get $found)))`;
