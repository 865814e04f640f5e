;; A core module following the canonical ABI naming: imports are
;; (module "<interface id>") (name "<function>"), the world export is "run".
(module
  ;; open: func(identifier: string) -> result<bucket, error>
  ;;   params: string ptr, len; results don't fit in one value, so the host
  ;;   writes them at a return pointer: tag u8 @0, bucket handle @4.
  (import "wasi:keyvalue/store@0.2.0-draft2" "open"
    (func $open (param i32 i32 i32)))
  ;; increment: func(bucket: borrow<bucket>, key: string, delta: s64) -> result<s64, error>
  ;;   result at return pointer: tag u8 @0, value s64 @8.
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment"
    (func $increment (param i32 i32 i32 i64 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket"
    (func $drop_bucket (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "counters")
  (data (i32.const 32) "visits")

  ;; Bump allocator: the host calls it to hand strings and lists back (error text).
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  (func (export "run") (result i64)
    (local $bucket i32)
    (call $open (i32.const 16) (i32.const 8) (i32.const 64))
    ;; tag 1 = err: trap, the trace shows the error the host returned
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $bucket (i32.load (i32.const 68)))
    (call $increment (local.get $bucket) (i32.const 32) (i32.const 6) (i64.const 1) (i32.const 96))
    (if (i32.load8_u (i32.const 96)) (then unreachable))
    (call $drop_bucket (local.get $bucket))
    (i64.load (i32.const 104))))
