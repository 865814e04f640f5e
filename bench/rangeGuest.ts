import { growingRealloc } from './watSnippets';

/**
 * Range scans over bucket "bench" through proposal:keyvalue-range, one export per figure:
 * - `count()`: count-range(all);
 * - `scan()`: every key and value in ten get-range(prefix("k:0<d>")) pages of 10,000 (the
 *   host caps one list result at 10,000 entries); returns the pairs read and leaves the
 *   total value bytes at address 2048;
 * - `prefix()`: get-keys(prefix("k:04")) over keys k:000000 … k:099999 (10,000 keys).
 * Range variants flatten to (tag, ptr, len, ptr, len): all = 0, prefix = 1.
 */
export const rangeWit = `package local:range-bench;
world range-bench {
  import wasi:keyvalue/store@0.2.0-draft2;
  import proposal:keyvalue-range/range@0.1.0;
  export count: func() -> u64;
  export scan: func() -> u32;
  export prefix: func() -> u32;
}`;

export const rangeWat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; get-keys / get-range -> result<list<..>, error>: tag @0, list ptr @4, len @8
  (import "proposal:keyvalue-range/range@0.1.0" "get-keys" (func $get_keys (param i32 i32 i32 i32 i32 i32 i32)))
  (import "proposal:keyvalue-range/range@0.1.0" "get-range" (func $get_range (param i32 i32 i32 i32 i32 i32 i32)))
  ;; count-range -> result<u64, error>: tag @0, u64 @8
  (import "proposal:keyvalue-range/range@0.1.0" "count-range" (func $count_range (param i32 i32 i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "bench")
  (data (i32.const 32) "k:04")
  (data (i32.const 48) "k:00")
  (global $heap (mut i32) (i32.const 65536))
  ${growingRealloc}
  (func $bucket (result i32)
    (call $open (i32.const 16) (i32.const 5) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (i32.load (i32.const 260)))
  (func (export "count") (result i64)
    (local $b i32)
    (local.set $b (call $bucket))
    (call $count_range (local.get $b) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (call $drop_bucket (local.get $b))
    (i64.load (i32.const 264)))
  (func (export "prefix") (result i32)
    (local $b i32)
    (local.set $b (call $bucket))
    (call $get_keys (local.get $b) (i32.const 1) (i32.const 32) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (call $drop_bucket (local.get $b))
    (i32.load (i32.const 264)))
  (func (export "scan") (result i32)
    (local $b i32) (local $n i32) (local $bytes i32) (local $list i32) (local $len i32)
    (local $i i32) (local $d i32)
    (local.set $b (call $bucket))
    ;; Ten pages, prefix("k:00") … prefix("k:09"), 10,000 pairs each: the host caps a list
    ;; result at 10,000 entries, so a big range is read as bounded sub-ranges.
    (block $end (loop $page
      (br_if $end (i32.ge_u (local.get $d) (i32.const 10)))
      (i32.store8 (i32.const 51) (i32.add (i32.const 48) (local.get $d)))
      (global.set $heap (i32.const 65536))
      (call $get_range (local.get $b) (i32.const 1) (i32.const 48) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 256))
      (if (i32.load8_u (i32.const 256)) (then unreachable))
      (local.set $list (i32.load (i32.const 260)))
      (local.set $len (i32.load (i32.const 264)))
      (local.set $n (i32.add (local.get $n) (local.get $len)))
      ;; 16 bytes per pair: key ptr, key len, value ptr, value len
      (local.set $i (i32.const 0))
      (block $done (loop $pairs
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $bytes (i32.add (local.get $bytes) (i32.load offset=12 (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 4))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $pairs)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $page)))
    (i32.store (i32.const 2048) (local.get $bytes))
    (call $drop_bucket (local.get $b))
    (local.get $n)))`;
