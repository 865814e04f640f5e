// Small WAT guests for the NATS spec: each does one cross-machine thing in a tight loop,
// so the test measures the backend rather than guest code.
import { growingRealloc } from '../bench/watSnippets';

const bump = `
  (global $heap (mut i32) (i32.const 65536))
  ;; Bump allocator that grows memory: the host copies large lists in through it.
  ${growingRealloc}`;

export const casWit = `package local:cas-inc;
world cas-inc {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export run: func() -> u64;
}`;
/** 50 increments of "n" in bucket "cas" (an 8-byte little-endian counter) by cas.new →
 * current → swap, retrying with the fresh handle on cas-failed. Returns
 * (retries << 32) | the last value it wrote. */
export const casWat = `(module
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "[static]cas.new" (func $cas_new (param i32 i32 i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "[method]cas.current" (func $current (param i32 i32)))
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "swap" (func $swap (param i32 i32 i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "cas")
  (data (i32.const 32) "n")
  ${bump}
  (func (export "run") (result i64)
    (local $b i32) (local $i i32) (local $h i32) (local $v i64) (local $retries i64)
    (call $open (i32.const 16) (i32.const 3) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (loop $each
      (call $cas_new (local.get $b) (i32.const 32) (i32.const 1) (i32.const 128))
      (if (i32.load8_u (i32.const 128)) (then unreachable))
      (local.set $h (i32.load (i32.const 132)))
      (loop $try
        (call $current (local.get $h) (i32.const 160))
        (if (i32.load8_u (i32.const 160)) (then unreachable))
        (local.set $v (i64.const 0))
        (if (i32.load8_u (i32.const 164)) (then (local.set $v (i64.load (i32.load (i32.const 168))))))
        (i64.store (i32.const 1024) (i64.add (local.get $v) (i64.const 1)))
        (call $swap (local.get $h) (i32.const 1024) (i32.const 8) (i32.const 192))
        (if (i32.load8_u (i32.const 192))
          (then
            ;; only cas-failed (1) is retried, with the handle it returned
            (if (i32.ne (i32.load8_u (i32.const 196)) (i32.const 1)) (then unreachable))
            (local.set $h (i32.load (i32.const 200)))
            (local.set $retries (i64.add (local.get $retries) (i64.const 1)))
            (br $try))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $i) (i32.const 50))))
    (i64.or (i64.shl (local.get $retries) (i64.const 32)) (i64.load (i32.const 1024)))))`;

/** The byte at offset i of the big blob: varies within and across 4 KiB chunks. */
export const blobByte = (i: number) => (i * 31 + (i >>> 11)) & 255;
export const blobSize = 5 * 1024 * 1024;

const blobImports = `
  (import "wasi:blobstore/blobstore@0.2.0-draft" "create-container" (func $create_container (param i32 i32 i32)))
  (import "wasi:blobstore/blobstore@0.2.0-draft" "get-container" (func $get_container (param i32 i32 i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.write-data" (func $write_data (param i32 i32 i32 i32 i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.get-data" (func $get_data (param i32 i32 i32 i64 i64 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.new-outgoing-value" (func $outgoing_new (result i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[method]outgoing-value.outgoing-value-write-body" (func $write_body (param i32 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.finish" (func $finish (param i32 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]incoming-value.incoming-value-consume-sync" (func $consume_sync (param i32 i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "big")
  (data (i32.const 32) "blob.bin")
  ${bump}
  (func $byte (param $i i32) (result i32)
    (i32.and (i32.add (i32.mul (local.get $i) (i32.const 31)) (i32.shr_u (local.get $i) (i32.const 11))) (i32.const 255)))`;

export const blobWit = `package local:big-blob;
world big-blob {
  import wasi:blobstore/blobstore@0.2.0-draft;
  export run: func() -> u64;
}`;
/** Creates container "big" and streams blob.bin (blobSize bytes of blobByte) into it in
 * 4 KiB writes. Returns the bytes written. */
export const blobWriterWat = `(module ${blobImports}
  (func (export "run") (result i64)
    (local $c i32) (local $value i32) (local $body i32) (local $at i32) (local $k i32)
    (call $create_container (i32.const 16) (i32.const 3) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $c (i32.load (i32.const 68)))
    (local.set $value (call $outgoing_new))
    (call $write_body (local.get $value) (i32.const 80))
    (if (i32.load8_u (i32.const 80)) (then unreachable))
    (local.set $body (i32.load (i32.const 84)))
    (loop $chunk
      (local.set $k (i32.const 0))
      (loop $fill
        (i32.store8 (i32.add (i32.const 4096) (local.get $k)) (call $byte (i32.add (local.get $at) (local.get $k))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $fill (i32.lt_u (local.get $k) (i32.const 4096))))
      (call $write (local.get $body) (i32.const 4096) (i32.const 4096) (i32.const 96))
      (if (i32.load8_u (i32.const 96)) (then unreachable))
      (local.set $at (i32.add (local.get $at) (i32.const 4096)))
      (br_if $chunk (i32.lt_u (local.get $at) (i32.const ${blobSize}))))
    (call $drop_out (local.get $body))
    (call $write_data (local.get $c) (i32.const 32) (i32.const 8) (local.get $value) (i32.const 112))
    (if (i32.load8_u (i32.const 112)) (then unreachable))
    (call $finish (local.get $value) (i32.const 128))
    (if (i32.load8_u (i32.const 128)) (then unreachable))
    (i64.extend_i32_u (local.get $at))))`;

/** Reads blob.bin bytes start..end (inclusive) with get-data and compares each with
 * blobByte. Returns (mismatches << 32) | bytes read. */
export const blobReaderWat = (start: number, end: number) => `(module ${blobImports}
  (func (export "run") (result i64)
    (local $c i32) (local $p i32) (local $n i32) (local $k i32) (local $bad i64)
    (call $get_container (i32.const 16) (i32.const 3) (i32.const 64))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $c (i32.load (i32.const 68)))
    (call $get_data (local.get $c) (i32.const 32) (i32.const 8) (i64.const ${start}) (i64.const ${end}) (i32.const 80))
    (if (i32.load8_u (i32.const 80)) (then unreachable))
    (call $consume_sync (i32.load (i32.const 84)) (i32.const 96))
    (if (i32.load8_u (i32.const 96)) (then unreachable))
    (local.set $p (i32.load (i32.const 100)))
    (local.set $n (i32.load (i32.const 104)))
    (block $done (loop $check
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $p) (local.get $k))) (call $byte (i32.add (i32.const ${start}) (local.get $k))))
        (then (local.set $bad (i64.add (local.get $bad) (i64.const 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $check)))
    (i64.or (i64.shl (local.get $bad) (i64.const 32)) (i64.extend_i32_u (local.get $n)))))`;
