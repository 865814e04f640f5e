;; A blob copied through stream<u8> (WASI 0.3 async ABI), with the backpressure visible.
;;
;; 0.2 blobstore: outgoing-value + wasi:io output-stream + pollable + finish.
;; 0.3 proposal:  the guest makes a stream ("[stream-new-0]…" gives both ends), hands the
;;                READABLE end to `write` (an async call that completes when the host has
;;                stored every byte) and writes into the WRITABLE end itself.
;;
;; A stream has no buffer: "[stream-write-0]" returns BLOCKED (-1) until the host reads.
;; The host reads 16 bytes at a time and stores each chunk before it reads the next, so the
;; guest waits (STREAM_WRITE event) once per chunk: that count is the backpressure, and
;; the trace shows each chunk the host took.
;;
;; Memory: 16.. strings, 200 event payload, 256 call results, 512 read/copy buffer,
;; 1024 the source bytes, 2048 the summary, 4096.. heap.
(module
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[async-lower]open-container"
    (func $open (param i32 i32 i32) (result i32)))
  ;; write: async func(name: string, data: stream<u8>) -> result<u64, error>
  ;;   (self, name ptr, name len, readable end, return ptr) -> status
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[async-lower][method]container.write"
    (func $write (param i32 i32 i32 i32 i32) (result i32)))
  ;; stream<u8> of `write`: new → i64 (readable in the low 32 bits, writable in the high).
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[stream-new-0][method]container.write"
    (func $stream_new (result i64)))
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[async-lower][stream-write-0][method]container.write"
    (func $stream_write (param i32 i32 i32) (result i32)))
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[stream-drop-writable-0][method]container.write"
    (func $drop_writable (param i32)))
  ;; read: async func(name: string, start: u64, end: option<u64>) -> result<stream<u8>, error>
  ;;   6 flat values > 4: one pointer to { self +0, name +4, start +16, end +24 } + return ptr.
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[async-lower][method]container.read"
    (func $read (param i32 i32) (result i32)))
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[async-lower][stream-read-0][method]container.read"
    (func $stream_read (param i32 i32 i32) (result i32)))
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[stream-drop-readable-0][method]container.read"
    (func $drop_readable (param i32)))
  (import "proposal:blobstore-p3/blobstore@0.1.0" "[resource-drop]container"
    (func $drop_container (param i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  (import "[export]$root" "[task-return]run" (func $task_return (param i32 i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "media")
  (data (i32.const 32) "source.txt")
  (data (i32.const 48) "copy.txt")
  (data (i32.const 64) "wrote ")
  (data (i32.const 80) " bytes, writer waited ")
  (data (i32.const 112) "x; copied ")
  (data (i32.const 128) " bytes from offset 32 in ")
  (data (i32.const 160) " reads")

  (global $heap (mut i32) (i32.const 4096))
  (func $alloc (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; Waits on one waitable (subtask or stream end) for the event code $event; returns the
  ;; event's payload word. Leaves the set before dropping it: a set still holding a
  ;; waitable cannot be dropped, and jco also needs the explicit leave for a stream end
  ;; that is dropped afterwards (see wit/P3-PROPOSALS.md, "the drop workaround").
  (func $wait_for (param $handle i32) (param $event i32) (result i32)
    (local $set i32)
    (local.set $set (call $ws_new))
    (call $join (local.get $handle) (local.get $set))
    (loop $wait
      (br_if $wait (i32.ne (call $ws_wait (local.get $set) (i32.const 200)) (local.get $event))))
    (call $join (local.get $handle) (i32.const 0))
    (call $ws_drop (local.get $set))
    (i32.load (i32.const 204)))

  ;; Waits until the call with status word $status has returned (SUBTASK event 1, state 2).
  (func $await (param $status i32)
    (local $subtask i32)
    (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2)) (then (return)))
    (local.set $subtask (i32.shr_u (local.get $status) (i32.const 4)))
    (loop $again
      (br_if $again (i32.ne (call $wait_for (local.get $subtask) (i32.const 1)) (i32.const 2))))
    (call $subtask_drop (local.get $subtask)))

  (global $waits (mut i32) (i32.const 0))
  ;; Writes all $len bytes at $p into writable end $w, waiting whenever the host is not reading.
  (func $write_all (param $w i32) (param $p i32) (param $len i32)
    (local $status i32) (local $n i32)
    (block $done (loop $more
      (br_if $done (i32.eqz (local.get $len)))
      (local.set $status (call $stream_write (local.get $w) (local.get $p) (local.get $len)))
      (if (i32.eq (local.get $status) (i32.const -1))
        (then
          ;; BLOCKED: the host has not read yet. Wait for STREAM_WRITE (3).
          (global.set $waits (i32.add (global.get $waits) (i32.const 1)))
          (local.set $status (call $wait_for (local.get $w) (i32.const 3)))))
      ;; status = (bytes taken << 4) | code; code 1 = the reader dropped its end
      (local.set $n (i32.shr_u (local.get $status) (i32.const 4)))
      (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 1)) (then unreachable))
      (local.set $p (i32.add (local.get $p) (local.get $n)))
      (local.set $len (i32.sub (local.get $len) (local.get $n)))
      (br $more))))

  ;; Decimal digits of $v at $out; returns the new end.
  (func $utoa (param $v i32) (param $out i32) (result i32)
    (local $len i32) (local $t i32)
    (local.set $t (local.get $v))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $t (i32.add (local.get $out) (local.get $len)))
    (loop $digit
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (i32.store8 (local.get $t) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (i32.add (local.get $out) (local.get $len)))
  (func $text (param $src i32) (param $len i32) (param $out i32) (result i32)
    (memory.copy (local.get $out) (local.get $src) (local.get $len))
    (i32.add (local.get $out) (local.get $len)))

  (func (export "[async-lift]run") (result i32)
    (local $container i32) (local $ends i64) (local $w i32) (local $call i32) (local $i i32)
    (local $r i32) (local $status i32) (local $n i32) (local $copied i32) (local $reads i32)
    (local $written i32) (local $out i32)
    (call $await (call $open (i32.const 16) (i32.const 5) (i32.const 256)))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (local.set $container (i32.load (i32.const 260)))

    ;; 1. source.txt: 128 bytes "0123456789abcdef" x 8 written through a stream.
    (loop $fill
      (i32.store8 (i32.add (i32.const 1024) (local.get $i))
        (i32.load8_u (i32.add (i32.const 1168) (i32.and (local.get $i) (i32.const 15)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 128))))
    (local.set $ends (call $stream_new))
    (local.set $w (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
    ;; Start write with the readable end; it runs while we fill the stream.
    (local.set $call (call $write (local.get $container) (i32.const 32) (i32.const 10)
      (i32.wrap_i64 (local.get $ends)) (i32.const 272)))
    ;; Sixteen bytes per stream.write: each write waits until the host has taken the last.
    (local.set $i (i32.const 0))
    (loop $piece
      (call $write_all (local.get $w) (i32.add (i32.const 1024) (local.get $i)) (i32.const 16))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $piece (i32.lt_u (local.get $i) (i32.const 128))))
    ;; Dropping the writable end is the end of the data: write can now complete.
    (call $drop_writable (local.get $w))
    (call $await (local.get $call))
    (if (i32.load8_u (i32.const 272)) (then unreachable))
    (local.set $written (i32.wrap_i64 (i64.load (i32.const 280))))

    ;; 2. Read source.txt from offset 32 (end: none) and write it to copy.txt as it comes.
    (i32.store (i32.const 320) (local.get $container))
    (i32.store (i32.const 324) (i32.const 32))
    (i32.store (i32.const 328) (i32.const 10))
    (i64.store (i32.const 336) (i64.const 32))
    (i32.store8 (i32.const 344) (i32.const 0))
    (call $await (call $read (i32.const 320) (i32.const 288)))
    (if (i32.load8_u (i32.const 288)) (then unreachable))
    (local.set $r (i32.load (i32.const 292)))
    (local.set $ends (call $stream_new))
    (local.set $w (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
    (local.set $call (call $write (local.get $container) (i32.const 48) (i32.const 8)
      (i32.wrap_i64 (local.get $ends)) (i32.const 304)))
    (block $eof (loop $copy
      (local.set $status (call $stream_read (local.get $r) (i32.const 512) (i32.const 40)))
      (if (i32.eq (local.get $status) (i32.const -1))
        (then (local.set $status (call $wait_for (local.get $r) (i32.const 2)))))
      (local.set $reads (i32.add (local.get $reads) (i32.const 1)))
      (local.set $n (i32.shr_u (local.get $status) (i32.const 4)))
      (call $write_all (local.get $w) (i32.const 512) (local.get $n))
      (local.set $copied (i32.add (local.get $copied) (local.get $n)))
      ;; code 1 = DROPPED: the host wrote everything and dropped its end
      (br_if $eof (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 1)))
      (br $copy)))
    (call $drop_readable (local.get $r))
    (call $drop_writable (local.get $w))
    (call $await (local.get $call))
    (if (i32.load8_u (i32.const 304)) (then unreachable))
    (call $drop_container (local.get $container))

    (local.set $out (call $text (i32.const 64) (i32.const 6) (i32.const 2048)))
    (local.set $out (call $utoa (local.get $written) (local.get $out)))
    (local.set $out (call $text (i32.const 80) (i32.const 22) (local.get $out)))
    (local.set $out (call $utoa (global.get $waits) (local.get $out)))
    (local.set $out (call $text (i32.const 112) (i32.const 10) (local.get $out)))
    (local.set $out (call $utoa (local.get $copied) (local.get $out)))
    (local.set $out (call $text (i32.const 128) (i32.const 25) (local.get $out)))
    (local.set $out (call $utoa (local.get $reads) (local.get $out)))
    (local.set $out (call $text (i32.const 160) (i32.const 6) (local.get $out)))
    (call $task_return (i32.const 2048) (i32.sub (local.get $out) (i32.const 2048)))
    (i32.const 0))

  (data (i32.const 1168) "0123456789abcdef")

  (func (export "[callback][async-lift]run") (param i32 i32 i32) (result i32)
    unreachable))
