;; Restocks and sells in bucket "inventory": set, an atomic increment with a negative
;; delta, a batch set-many and a delete. The stock watcher prints each change as the host
;; announces it; this guest prints nothing and returns the apples left.
;;
;; Memory: 16..255 strings, 256..511 return areas, 512..575 the set-many list,
;; 4096.. heap for cabi_realloc.
(module
  ;; open(identifier) -> result<bucket, error>: tag u8 @0, bucket handle @4
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; set(self, key ptr, key len, value ptr, value len, retptr) -> result<_, error>
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  ;; delete(self, key ptr, key len, retptr) -> result<_, error>
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.delete" (func $delete (param i32 i32 i32 i32)))
  ;; increment(bucket, key ptr, key len, delta s64, retptr) -> result<s64, error>: tag @0, value @8
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $increment (param i32 i32 i32 i64 i32)))
  ;; set-many(bucket, list ptr, list len, retptr): each tuple<string, list<u8>> is 16 bytes
  ;;   (key ptr, key len, value ptr, value len)
  (import "wasi:keyvalue/batch@0.2.0-draft2" "set-many" (func $set_many (param i32 i32 i32 i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "inventory")
  (data (i32.const 32) "apples")
  (data (i32.const 48) "pears")
  (data (i32.const 64) "plums")
  (data (i32.const 80) "figs")
  (data (i32.const 96) "40")
  (data (i32.const 112) "25")
  (data (i32.const 128) "18")
  (data (i32.const 144) "7")
  ;; [("plums", "18"), ("figs", "7")]
  (data (i32.const 512) "\40\00\00\00\05\00\00\00\80\00\00\00\02\00\00\00\50\00\00\00\04\00\00\00\90\00\00\00\01\00\00\00")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; Traps on an err result at 256 (the trace shows the error the host returned).
  (func $check (if (i32.load8_u (i32.const 256)) (then unreachable)))

  (func (export "run") (result i64)
    (local $b i32) (local $apples i64)
    (call $open (i32.const 16) (i32.const 9) (i32.const 256)) (call $check)
    (local.set $b (i32.load (i32.const 260)))
    (call $set (local.get $b) (i32.const 32) (i32.const 6) (i32.const 96) (i32.const 2) (i32.const 256)) (call $check)
    (call $set (local.get $b) (i32.const 48) (i32.const 5) (i32.const 112) (i32.const 2) (i32.const 256)) (call $check)
    ;; Sell 35 apples: the stored "40" becomes "5" in one atomic step.
    (call $increment (local.get $b) (i32.const 32) (i32.const 6) (i64.const -35) (i32.const 256)) (call $check)
    (local.set $apples (i64.load (i32.const 264)))
    (call $set_many (local.get $b) (i32.const 512) (i32.const 2) (i32.const 256)) (call $check)
    (call $delete (local.get $b) (i32.const 48) (i32.const 5) (i32.const 256)) (call $check)
    (call $drop_bucket (local.get $b))
    (local.get $apples)))
