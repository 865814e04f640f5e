;; A watch-service guest: it exports wasi:keyvalue/watcher and has no run. The host calls
;; on-set / on-delete for every change another guest (in any worker or tab) makes to the
;; buckets this guest watches; here that is bucket "inventory", from its host config.
;;
;; Exports in canonical-ABI naming: "wasi:keyvalue/watcher@0.2.0-draft2#on-set" takes
;; (bucket handle, key ptr, key len, value ptr, value len); on-delete takes (bucket, key
;; ptr, key len). The bucket arrives as an owned handle: drop it when done.
;;
;; Memory: 16..255 strings, 256..511 return areas, 2048..4095 the line being printed,
;; 4096.. heap for cabi_realloc (reset after every call: nothing is kept).
(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "on-set ")
  (data (i32.const 32) " = ")
  (data (i32.const 48) "on-delete ")
  (data (i32.const 64) "  (low stock!)")

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

  ;; The line buffer (2048..4095): $put appends bytes (cut at the end), $println writes it.
  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 4095) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  (func (export "wasi:keyvalue/watcher@0.2.0-draft2#on-set") (param $bucket i32) (param $key i32) (param $key_len i32) (param $value i32) (param $value_len i32)
    (call $put (i32.const 16) (i32.const 7))
    (call $put (local.get $key) (local.get $key_len))
    (call $put (i32.const 32) (i32.const 3))
    (call $put (local.get $value) (local.get $value_len))
    ;; A one-digit stock count ("0" … "9") is low.
    (if (i32.eq (local.get $value_len) (i32.const 1)) (then (call $put (i32.const 64) (i32.const 14))))
    (call $println)
    (call $drop_bucket (local.get $bucket))
    (global.set $heap (i32.const 4096)))

  (func (export "wasi:keyvalue/watcher@0.2.0-draft2#on-delete") (param $bucket i32) (param $key i32) (param $key_len i32)
    (call $put (i32.const 48) (i32.const 10))
    (call $put (local.get $key) (local.get $key_len))
    (call $println)
    (call $drop_bucket (local.get $bucket))
    (global.set $heap (i32.const 4096))))
