;; A namespacing wasi:keyvalue middleware. The exported `bucket` resource's representation
;; is simply the handle of the host bucket it wraps, so each method forwards to the host
;; with the key rewritten. Exported results that do not fit in one value go through a
;; return area, whose layout is the same as the import's: forwarding needs no copying.
(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $get (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.set" (func $set (param i32 i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.delete" (func $delete (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.exists" (func $exists (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.list-keys" (func $list_keys (param i32 i32 i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $host_drop (param i32)))
  ;; Handles of the bucket this component exports to its caller.
  (import "[export]wasi:keyvalue/store@0.2.0-draft2" "[resource-new]bucket" (func $new_bucket (param i32) (result i32)))

  (memory (export "memory") 1)
  ;; The namespace every key lives in (9 bytes).
  (data (i32.const 16) "tenant-a/")
  (global $plen i32 (i32.const 9))
  ;; 64: return area (16 bytes; key-response needs 24)
  (global $ret i32 (i32.const 64))
  (global $heap (mut i32) (i32.const 4096))

  (func $alloc (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    ;; Grow on demand: list-keys pages and values can be large.
    (if (i32.gt_u (global.get $heap) (i32.shl (memory.size) (i32.const 16)))
      (then (drop (memory.grow (i32.add (i32.shr_u (i32.sub (global.get $heap) (i32.shl (memory.size) (i32.const 16))) (i32.const 16)) (i32.const 1))))))
    (local.get $p))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (call $alloc (local.get $align) (local.get $size)))

  ;; "tenant-a/" ++ key, in fresh memory; returns the pointer (length = plen + len).
  (func $prefixed (param $key i32) (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (call $alloc (i32.const 1) (i32.add (global.get $plen) (local.get $len))))
    (memory.copy (local.get $p) (i32.const 16) (global.get $plen))
    (memory.copy (i32.add (local.get $p) (global.get $plen)) (local.get $key) (local.get $len))
    (local.get $p))

  ;; open: the same bucket name; the caller gets a handle to our bucket wrapping the host's.
  (func (export "wasi:keyvalue/store@0.2.0-draft2#open") (param $name i32) (param $len i32) (result i32)
    (call $open (local.get $name) (local.get $len) (global.get $ret))
    (if (i32.eqz (i32.load8_u (global.get $ret)))
      (then (i32.store offset=4 (global.get $ret) (call $new_bucket (i32.load offset=4 (global.get $ret))))))
    (global.get $ret))

  (func (export "wasi:keyvalue/store@0.2.0-draft2#[method]bucket.get") (param $self i32) (param $key i32) (param $len i32) (result i32)
    (call $get (local.get $self) (call $prefixed (local.get $key) (local.get $len)) (i32.add (global.get $plen) (local.get $len)) (global.get $ret))
    (global.get $ret))

  (func (export "wasi:keyvalue/store@0.2.0-draft2#[method]bucket.set") (param $self i32) (param $key i32) (param $len i32) (param $val i32) (param $vlen i32) (result i32)
    (call $set (local.get $self) (call $prefixed (local.get $key) (local.get $len)) (i32.add (global.get $plen) (local.get $len)) (local.get $val) (local.get $vlen) (global.get $ret))
    (global.get $ret))

  (func (export "wasi:keyvalue/store@0.2.0-draft2#[method]bucket.delete") (param $self i32) (param $key i32) (param $len i32) (result i32)
    (call $delete (local.get $self) (call $prefixed (local.get $key) (local.get $len)) (i32.add (global.get $plen) (local.get $len)) (global.get $ret))
    (global.get $ret))

  (func (export "wasi:keyvalue/store@0.2.0-draft2#[method]bucket.exists") (param $self i32) (param $key i32) (param $len i32) (result i32)
    (call $exists (local.get $self) (call $prefixed (local.get $key) (local.get $len)) (i32.add (global.get $plen) (local.get $len)) (global.get $ret))
    (global.get $ret))

  ;; list-keys: the host's page, keeping only keys in our namespace, prefix stripped.
  ;; The cursor passes through unchanged (it is opaque), so a page may come back short.
  ;; result<key-response, error>: tag @0; keys ptr @4, len @8; cursor tag @12, ptr @16, len @20.
  (func (export "wasi:keyvalue/store@0.2.0-draft2#[method]bucket.list-keys") (param $self i32) (param $ctag i32) (param $cptr i32) (param $clen i32) (result i32)
    (local $src i32) (local $n i32) (local $dst i32) (local $kept i32) (local $i i32) (local $kp i32) (local $kl i32)
    (call $list_keys (local.get $self) (local.get $ctag) (local.get $cptr) (local.get $clen) (global.get $ret))
    (if (i32.load8_u (global.get $ret)) (then (return (global.get $ret))))
    (local.set $src (i32.load offset=4 (global.get $ret)))
    (local.set $n (i32.load offset=8 (global.get $ret)))
    (local.set $dst (call $alloc (i32.const 4) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $kp (i32.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $kl (i32.load offset=4 (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
        (if (i32.and (i32.ge_u (local.get $kl) (global.get $plen))
                     (call $starts_with_prefix (local.get $kp)))
          (then
            (i32.store (i32.add (local.get $dst) (i32.shl (local.get $kept) (i32.const 3))) (i32.add (local.get $kp) (global.get $plen)))
            (i32.store offset=4 (i32.add (local.get $dst) (i32.shl (local.get $kept) (i32.const 3))) (i32.sub (local.get $kl) (global.get $plen)))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store offset=4 (global.get $ret) (local.get $dst))
    (i32.store offset=8 (global.get $ret) (local.get $kept))
    (global.get $ret))

  (func $starts_with_prefix (param $p i32) (result i32)
    (local $i i32)
    (block $no
      (loop $cmp
        (if (i32.ge_u (local.get $i) (global.get $plen)) (then (return (i32.const 1))))
        (br_if $no (i32.ne (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.load8_u (i32.add (i32.const 16) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $cmp)))
    (i32.const 0))

  ;; The caller dropped its bucket: drop the host bucket it wrapped.
  (func (export "wasi:keyvalue/store@0.2.0-draft2#[dtor]bucket") (param $rep i32)
    (call $host_drop (local.get $rep))))
