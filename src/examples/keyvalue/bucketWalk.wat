(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  ;; set: (handle, key ptr, key len, value ptr, value len, return ptr)
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  ;; get: (handle, key ptr, key len, return ptr) → tag @0, option tag @4, bytes ptr @8, len @12
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $get (param i32 i32 i32 i32)))
  ;; list-keys: (handle, cursor is-some, cursor ptr, cursor len, return ptr)
  ;;   → tag @0, keys ptr @4, keys len @8, next-cursor tag @12, ptr @16, len @20
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.list-keys" (func $list_keys (param i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "walk")
  (data (i32.const 256) "item-000")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; Writes the three digits of n into "item-NNN" at 256.
  (func $key (param $n i32)
    (i32.store8 (i32.const 261) (i32.add (i32.const 48) (i32.div_u (local.get $n) (i32.const 100))))
    (i32.store8 (i32.const 262) (i32.add (i32.const 48) (i32.rem_u (i32.div_u (local.get $n) (i32.const 10)) (i32.const 10))))
    (i32.store8 (i32.const 263) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10)))))

  (func (export "run") (result i32)
    (local $b i32) (local $i i32) (local $count i32) (local $pages i32)
    (local $has i32) (local $cp i32) (local $cl i32)
    (call $open (i32.const 16) (i32.const 4) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))

    ;; fill: item-000 … item-249, each value is its own key
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $i) (i32.const 250)))
        (call $key (local.get $i))
        (call $set (local.get $b) (i32.const 256) (i32.const 8) (i32.const 256) (i32.const 8) (i32.const 96))
        (if (i32.load8_u (i32.const 96)) (then unreachable))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))

    ;; read one back
    (call $key (i32.const 42))
    (call $get (local.get $b) (i32.const 256) (i32.const 8) (i32.const 160))
    (if (i32.load8_u (i32.const 160)) (then unreachable))
    (i32.store (i32.const 520)
      (select (i32.load (i32.const 172)) (i32.const 0) (i32.load8_u (i32.const 164))))

    ;; walk: follow the cursor until the host returns none
    (loop $page
      (call $list_keys (local.get $b) (local.get $has) (local.get $cp) (local.get $cl) (i32.const 128))
      (if (i32.load8_u (i32.const 128)) (then unreachable))
      (local.set $count (i32.add (local.get $count) (i32.load (i32.const 136))))
      (local.set $pages (i32.add (local.get $pages) (i32.const 1)))
      (local.set $has (i32.load8_u (i32.const 140)))
      (local.set $cp (i32.load (i32.const 144)))
      (local.set $cl (i32.load (i32.const 148)))
      (br_if $page (local.get $has)))

    (call $drop_bucket (local.get $b))
    (i32.store (i32.const 512) (local.get $count))
    (i32.store (i32.const 516) (local.get $pages))
    (i32.const 512)))
