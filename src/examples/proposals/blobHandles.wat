;; proposal:blobstore-ext: ranged reads with an optional end, and blob handles that
;; keep the bytes they were opened with. Blobstore errors are plain strings.
;;
;; Memory: 16..3071 NUL-terminated strings, 3072..4095 return areas, 4096..6143 the
;; line being printed, 8192.. heap for cabi_realloc.
(module
  (import "wasi:blobstore/blobstore@0.2.0-draft" "container-exists" (func $container_exists (param i32 i32 i32)))
  (import "wasi:blobstore/blobstore@0.2.0-draft" "create-container" (func $create_container (param i32 i32 i32)))
  (import "wasi:blobstore/blobstore@0.2.0-draft" "get-container" (func $get_container (param i32 i32 i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[resource-drop]container" (func $drop_container (param i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.write-data" (func $write_data (param i32 i32 i32 i32 i32)))
  (import "wasi:blobstore/container@0.2.0-draft" "[method]container.get-data" (func $get_data (param i32 i32 i32 i64 i64 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.new-outgoing-value" (func $outgoing_new (result i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[method]outgoing-value.outgoing-value-write-body" (func $write_body (param i32 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]outgoing-value.finish" (func $finish (param i32 i32)))
  (import "wasi:blobstore/types@0.2.0-draft" "[static]incoming-value.incoming-value-consume-sync" (func $consume_sync (param i32 i32)))
  ;; get-data-from(container, name ptr, name len, start u64, end option<u64> = (is-some, value), retptr)
  ;;   -> result<list<u8>, error>: tag @0, ptr @4, len @8 (error: string @4 @8)
  (import "proposal:blobstore-ext/ranges@0.1.0" "get-data-from" (func $get_data_from (param i32 i32 i32 i64 i32 i64 i32)))
  ;; blob.open(container, name, retptr) -> result<blob, error>; size(self) -> u64;
  ;; read(self, start u64, len u64, retptr) -> result<list<u8>, error>
  (import "proposal:blobstore-ext/blobs@0.1.0" "[static]blob.open" (func $blob_open (param i32 i32 i32 i32)))
  (import "proposal:blobstore-ext/blobs@0.1.0" "[method]blob.size" (func $blob_size (param i32) (result i64)))
  (import "proposal:blobstore-ext/blobs@0.1.0" "[method]blob.read" (func $blob_read (param i32 i64 i64 i32)))
  (import "proposal:blobstore-ext/blobs@0.1.0" "[resource-drop]blob" (func $drop_blob (param i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) " failed: \00")
  (data (i32.const 32) "\"\00")
  (data (i32.const 40) "\" (\00")
  (data (i32.const 48) " bytes)\00")
  (data (i32.const 56) "write-data\00")
  (data (i32.const 72) "finish\00")
  (data (i32.const 80) "container\00")
  (data (i32.const 96) "wrote notes.txt = \"2022-12-01 WASI meeting: open-ended blob ranges\"\00")
  (data (i32.const 168) "get-data-from\00")
  (data (i32.const 184) "get-data-from(11, none) = \00")
  (data (i32.const 216) "get-data-from(0, some(9)) = \00")
  (data (i32.const 248) "get-data-from(1000, none) = \00")
  (data (i32.const 280) "blob.open\00")
  (data (i32.const 296) "opened a blob handle on notes.txt: \00")
  (data (i32.const 336) " bytes\00")
  (data (i32.const 344) "overwrote notes.txt with \"rewritten\"\00")
  (data (i32.const 384) "get-data\00")
  (data (i32.const 400) "consume-sync\00")
  (data (i32.const 416) "container.get-data now reads \00")
  (data (i32.const 448) "blob.read\00")
  (data (i32.const 464) "the handle still reads \00")
  (data (i32.const 488) "notes.txt\00")
  (data (i32.const 504) "blob-ext\00")
  (data (i32.const 520) "2022-12-01 WASI meeting: open-ended blob ranges\00")
  (data (i32.const 568) "rewritten\00")

  (global $heap (mut i32) (i32.const 8192))
  ;; Bump allocator: the host copies strings and lists it returns into guest memory.
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

  ;; The line buffer (4096..6143): $put appends bytes (dropping what does not fit),
  ;; $puts a NUL-terminated string, $putnum a decimal number, $println writes the line.
  (global $line (mut i32) (i32.const 4096))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 6143) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  ;; Writes n in decimal at $dst; returns the number of digits.
  (func $utoa (param $n i32) (param $dst i32) (result i32)
    (local $len i32) (local $i i32) (local $t i32)
    (local.set $t (local.get $n))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $i (local.get $len))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $dst) (local.get $i)) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $i)))
    (local.get $len))
  (func $putnum (param $n i32) (call $put (i32.const 6160) (call $utoa (local.get $n) (i32.const 6160))))
  ;; Reads a decimal number from bytes (stops at the first non-digit).
  (func $atoi (param $p i32) (param $n i32) (result i32)
    (local $v i32) (local $c i32)
    (block $end (loop $next
      (br_if $end (i32.eqz (local.get $n)))
      (local.set $c (i32.sub (i32.load8_u (local.get $p)) (i32.const 48)))
      (br_if $end (i32.gt_u (local.get $c) (i32.const 9)))
      (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $v))
  ;; One write per line; the host hands out a fresh stdout stream per get-stdout, so drop it.
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 4096) (i32.sub (global.get $line) (i32.const 4095)) (i32.const 6144))
    (if (i32.load8_u (i32.const 6144)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 4096)))


  (global $c (mut i32) (i32.const 0))
  ;; 1 when the result at 3072 is ok, else prints "<what> failed: <error string>".
  (func $ok (param $what i32) (result i32)
    (if (i32.eqz (i32.load8_u (i32.const 3072))) (then (return (i32.const 1))))
    (call $puts (local.get $what)) (call $puts (i32.const 16))
    (call $put (i32.load (i32.const 3076)) (i32.load (i32.const 3080))) (call $println)
    (i32.const 0))
  ;; Prints "<label>"<bytes>" (<n> bytes)" for the list<u8> at 3076.
  (func $show (param $label i32)
    (call $puts (local.get $label)) (call $puts (i32.const 32))
    (call $put (i32.load (i32.const 3076)) (i32.load (i32.const 3080)))
    (call $puts (i32.const 40)) (call $putnum (i32.load (i32.const 3080))) (call $puts (i32.const 48)) (call $println))

  ;; Stores $p/$n as notes.txt through an outgoing-value and its output-stream.
  (func $store (param $p i32) (param $n i32) (result i32)
    (local $ov i32) (local $out i32)
    (local.set $ov (call $outgoing_new))
    (call $write_body (local.get $ov) (i32.const 3072))
    (local.set $out (i32.load (i32.const 3076)))
    (call $write (local.get $out) (local.get $p) (local.get $n) (i32.const 3072))
    (call $drop_out (local.get $out))
    (call $write_data (global.get $c) (i32.const 488) (i32.const 9) (local.get $ov) (i32.const 3072))
    (if (i32.eqz (call $ok (i32.const 56))) (then (return (i32.const 0))))
    (call $finish (local.get $ov) (i32.const 3072))
    (call $ok (i32.const 72)))

  (func (export "run") (result i32)
    (local $blob i32) (local $size i32)
    (call $container_exists (i32.const 504) (i32.const 8) (i32.const 3072))
    (if (i32.load8_u (i32.const 3076))
      (then (call $get_container (i32.const 504) (i32.const 8) (i32.const 3072)))
      (else (call $create_container (i32.const 504) (i32.const 8) (i32.const 3072))))
    (if (i32.eqz (call $ok (i32.const 80))) (then (return (i32.const 0))))
    (global.set $c (i32.load (i32.const 3076)))
    (if (i32.eqz (call $store (i32.const 520) (i32.const 47))) (then (return (i32.const 0))))
    (call $puts (i32.const 96)) (call $println)

    ;; end = none: "from byte 11 to wherever the object ends" – no size lookup first.
    (call $get_data_from (global.get $c) (i32.const 488) (i32.const 9) (i64.const 11) (i32.const 0) (i64.const 0) (i32.const 3072))
    (if (call $ok (i32.const 168)) (then (call $show (i32.const 184))))
    (call $get_data_from (global.get $c) (i32.const 488) (i32.const 9) (i64.const 0) (i32.const 1) (i64.const 9) (i32.const 3072))
    (if (call $ok (i32.const 168)) (then (call $show (i32.const 216))))
    ;; A start past the end: the proposal answers an empty list (issue #31 left it open).
    (call $get_data_from (global.get $c) (i32.const 488) (i32.const 9) (i64.const 1000) (i32.const 0) (i64.const 0) (i32.const 3072))
    (if (call $ok (i32.const 168)) (then (call $show (i32.const 248))))

    ;; A blob handle pins the bytes it was opened with (like the 2022 data-blob).
    (call $blob_open (global.get $c) (i32.const 488) (i32.const 9) (i32.const 3072))
    (if (i32.eqz (call $ok (i32.const 280))) (then (return (i32.const 0))))
    (local.set $blob (i32.load (i32.const 3076)))
    (local.set $size (i32.wrap_i64 (call $blob_size (local.get $blob))))
    (call $puts (i32.const 296)) (call $putnum (local.get $size)) (call $puts (i32.const 336)) (call $println)
    (if (i32.eqz (call $store (i32.const 568) (i32.const 9))) (then (return (i32.const 0))))
    (call $puts (i32.const 344)) (call $println)
    (call $get_data (global.get $c) (i32.const 488) (i32.const 9) (i64.const 0) (i64.const 1000) (i32.const 3072))
    (if (call $ok (i32.const 384))
      (then
        (call $consume_sync (i32.load (i32.const 3076)) (i32.const 3072))
        (if (call $ok (i32.const 400)) (then (call $show (i32.const 416))))))
    (call $blob_read (local.get $blob) (i64.const 0) (i64.const 1000) (i32.const 3072))
    (if (call $ok (i32.const 448)) (then (call $show (i32.const 464))))
    (call $drop_blob (local.get $blob))
    (call $drop_container (global.get $c))
    (local.get $size)))
