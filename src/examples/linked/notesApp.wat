;; A plain key-value guest: open "notes", set "greeting", list the keys, read it back.
;; Nothing here knows about a middleware; the workspace decides who serves the import.
(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $get (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.list-keys" (func $list_keys (param i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "notes")
  (data (i32.const 32) "greeting")
  (data (i32.const 48) "hello")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; run: func() -> string — the string (ptr, len) is returned through a pointer.
  (func (export "run") (result i32)
    (local $bucket i32)
    (call $open (i32.const 16) (i32.const 5) (i32.const 64))
    ;; tag 1 = err: trap; the trace shows the error the call returned
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $bucket (i32.load (i32.const 68)))
    (call $set (local.get $bucket) (i32.const 32) (i32.const 8) (i32.const 48) (i32.const 5) (i32.const 96))
    (if (i32.load8_u (i32.const 96)) (then unreachable))
    ;; list-keys(none): the trace shows which keys this guest sees
    (call $list_keys (local.get $bucket) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 128))
    (if (i32.load8_u (i32.const 128)) (then unreachable))
    ;; get → result<option<list<u8>>>: tag @0, option tag @4, ptr @8, len @12
    (call $get (local.get $bucket) (i32.const 32) (i32.const 8) (i32.const 160))
    (if (i32.load8_u (i32.const 160)) (then unreachable))
    (if (i32.eqz (i32.load8_u (i32.const 164))) (then unreachable))
    (call $drop_bucket (local.get $bucket))
    (i32.store (i32.const 192) (i32.load (i32.const 168)))
    (i32.store (i32.const 196) (i32.load (i32.const 172)))
    (i32.const 192)))
