;; Blob round trip in the canonical ABI: create (or reuse) a container, stream an object
;; in, read ranges out. Every blobstore error is a plain string (ptr, len).
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; container-exists(name) -> result<bool, error>: tag u8 @0, bool u8 @4 / error ptr @4, len @8
  (import "wasi:blobstore/blobstore@0.2.0-draft" "container-exists" (func $container_exists (param i32 i32 i32)))
  ;; create-container / get-container(name) -> result<container, error>: tag u8 @0, handle @4 / error @4
  (import "wasi:blobstore/blobstore@0.2.0-draft" "create-container" (func $create_container (param i32 i32 i32)))
  (import "wasi:blobstore/blobstore@0.2.0-draft" "get-container" (func $get_container (param i32 i32 i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[resource-drop]container" (func $drop_container (param i32)))
  ;; write-data(self, name ptr, name len, borrow<outgoing-value>, retptr) -> result<_, error>
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.write-data" (func $write_data (param i32 i32 i32 i32 i32)))
  ;; get-data(self, name ptr, name len, start u64, end u64, retptr) -> result<incoming-value, error>
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.get-data" (func $get_data (param i32 i32 i32 i64 i64 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.new-outgoing-value" (func $outgoing_new (result i32)))
  ;; outgoing-value-write-body(self, retptr) -> result<output-stream>: tag u8 @0, stream handle @4
  (import "wasi:blobstore/types@0.2.0-draft" "[method]outgoing-value.outgoing-value-write-body" (func $write_body (param i32 i32)))
  ;; finish(own<outgoing-value>, retptr) -> result<_, error>
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.finish" (func $finish (param i32 i32)))
  ;; incoming-value-consume-sync(own<incoming-value>, retptr) -> result<list<u8>, error>: tag u8 @0, ptr @4, len @8
  (import "wasi:blobstore/types@0.2.0-draft" "[static]incoming-value.incoming-value-consume-sync" (func $consume_sync (param i32 i32)))
  ;; the object body and stdout are both wasi:io output-streams:
  ;; blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>, at most 4096 bytes per call
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "ranges\00")
  (data (i32.const 32) "greeting.txt\00")
  (data (i32.const 64) "hello world from wasi:blobstore\00")
  (data (i32.const 112) "created container \00")
  (data (i32.const 144) "reusing container \00")
  (data (i32.const 176) "wrote \00")
  (data (i32.const 192) " bytes)\00")
  (data (i32.const 208) "get-data(\00")
  (data (i32.const 224) ", \00")
  (data (i32.const 240) ") = \"\00")
  (data (i32.const 256) "\"\00")
  (data (i32.const 272) ") failed: \00")
  (data (i32.const 288) "container failed: \00")
  (data (i32.const 320) "storing the object failed: \00")
  (data (i32.const 352) ": \00")
  (data (i32.const 368) " (\00")

  (global $heap (mut i32) (i32.const 4096))
  ;; Bump allocator: the host copies error strings and the bytes read into guest memory.
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    ;; grow a page at a time until the allocation fits
    (block $fits (loop $grow
      (br_if $fits (i32.le_u (global.get $heap) (i32.shl (memory.size) (i32.const 16))))
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow)))
    (local.get $p))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end (loop $next
      (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))

  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 4095) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  ;; Appends the (ptr, len) pair stored at $at: a string or list<u8>.
  (func $put_at (param $at i32) (call $put (i32.load (local.get $at)) (i32.load offset=4 (local.get $at))))
  (func $put_u32 (param $v i32)
    (if (i32.ge_u (local.get $v) (i32.const 10)) (then (call $put_u32 (i32.div_u (local.get $v) (i32.const 10)))))
    (i32.store8 (i32.const 2044) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
    (call $put (i32.const 2044) (i32.const 1)))
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 2032))
    (if (i32.load8_u (i32.const 2032)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  ;; Reads bytes start..=end of greeting.txt and prints them, or the host's error text.
  ;; Returns the number of bytes read.
  (func $read (param $c i32) (param $start i32) (param $end i32) (result i32)
    (call $puts (i32.const 208)) (call $puts (i32.const 32)) (call $puts (i32.const 224))
    (call $put_u32 (local.get $start)) (call $puts (i32.const 224)) (call $put_u32 (local.get $end))
    (call $get_data (local.get $c) (i32.const 32) (call $strlen (i32.const 32))
      (i64.extend_i32_u (local.get $start)) (i64.extend_i32_u (local.get $end)) (i32.const 864))
    (if (i32.load8_u (i32.const 864))
      (then (call $puts (i32.const 272)) (call $put_at (i32.const 868)) (call $println) (return (i32.const 0))))
    ;; consume-sync takes the incoming-value (owned) and returns all its bytes at once
    (call $consume_sync (i32.load (i32.const 868)) (i32.const 880))
    (if (i32.load8_u (i32.const 880))
      (then (call $puts (i32.const 272)) (call $put_at (i32.const 884)) (call $println) (return (i32.const 0))))
    (call $puts (i32.const 240)) (call $put_at (i32.const 884)) (call $puts (i32.const 256)) (call $println)
    (i32.load (i32.const 888)))

  (func (export "run") (result i32)
    (local $c i32) (local $value i32) (local $body i32) (local $len i32) (local $slice i32)
    ;; open the container, creating it on the first run
    (call $container_exists (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768))
      (then (call $puts (i32.const 288)) (call $put_at (i32.const 772)) (call $println) (return (i32.const 0))))
    (if (i32.load8_u (i32.const 772))
      (then (call $get_container (i32.const 16) (call $strlen (i32.const 16)) (i32.const 784)) (call $puts (i32.const 144)))
      (else (call $create_container (i32.const 16) (call $strlen (i32.const 16)) (i32.const 784)) (call $puts (i32.const 112))))
    (call $puts (i32.const 16))
    (if (i32.load8_u (i32.const 784))
      (then (call $puts (i32.const 352)) (call $put_at (i32.const 788)) (call $println) (return (i32.const 0))))
    (call $println)
    (local.set $c (i32.load (i32.const 788)))

    ;; write: outgoing-value → its body stream → write the bytes → drop the stream →
    ;; write-data stores the value under a name → finish marks it complete
    (local.set $value (call $outgoing_new))
    (call $write_body (local.get $value) (i32.const 800))
    (if (i32.load8_u (i32.const 800)) (then unreachable))
    (local.set $body (i32.load (i32.const 804)))
    (local.set $len (call $strlen (i32.const 64)))
    (call $write (local.get $body) (i32.const 64) (local.get $len) (i32.const 816))
    (if (i32.load8_u (i32.const 816)) (then unreachable))
    (call $drop_out (local.get $body))
    (call $write_data (local.get $c) (i32.const 32) (call $strlen (i32.const 32)) (local.get $value) (i32.const 832))
    (if (i32.load8_u (i32.const 832))
      (then (call $puts (i32.const 320)) (call $put_at (i32.const 836)) (call $println) (return (i32.const 0))))
    (call $finish (local.get $value) (i32.const 848))
    (if (i32.load8_u (i32.const 848))
      (then (call $puts (i32.const 320)) (call $put_at (i32.const 852)) (call $println) (return (i32.const 0))))
    (call $puts (i32.const 176)) (call $puts (i32.const 32)) (call $puts (i32.const 352)) (call $puts (i32.const 64))
    (call $puts (i32.const 368)) (call $put_u32 (local.get $len)) (call $puts (i32.const 192)) (call $println)

    ;; an exact slice: bytes 6, 7, 8, 9 and 10 = "world"
    (local.set $slice (call $read (local.get $c) (i32.const 6) (i32.const 10)))
    ;; an end past the last byte is clamped to it: the rest of the object
    (drop (call $read (local.get $c) (i32.const 12) (i32.const 1000)))
    ;; a start past the last byte is an error; its text comes from the host
    (drop (call $read (local.get $c) (i32.const 100) (i32.const 200)))
    (call $drop_container (local.get $c))
    (local.get $slice)))
