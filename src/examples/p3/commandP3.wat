;; A WASI 0.3 command (wasi:cli@0.3.0): prints a greeting and its arguments, then exits.
;;
;; 0.2 command: get-stdout → output-stream resource → blocking-write-and-flush.
;; 0.3 command: the guest makes a stream<u8> ("[stream-new-0]…" gives both ends), hands
;;              the READABLE end to stdout.write-via-stream, which returns a future that
;;              resolves once everything is written; the guest writes into the WRITABLE
;;              end, drops it (end of output) and reads the future.
;; `run` is an async func: the export is "[async-lift]…" with a callback, and the result
;; is handed back with task.return (result<_, _> flattens to one i32: 0 = ok, 1 = err).
;;
;; Exit: with no argument run returns ok (exit code 0). With one argument, a number,
;; it calls exit.exit-with-code with it (`command-p3 7` exits with 7); any other
;; argument makes run return err (exit code 1).
;;
;; Memory: 16.. texts, 200 event payload, 256 get-arguments result, 272 future result,
;; 1024 the output being built, 4096.. heap (argument strings land here).
(module
  (import "wasi:cli/environment@0.3.0" "get-arguments" (func $get_arguments (param i32)))
  ;; write-via-stream: func(data: stream<u8>) -> future<result<_, error-code>>
  ;; A plain (sync) func: the stream's readable end in, a future's readable end out.
  (import "wasi:cli/stdout@0.3.0" "write-via-stream" (func $write_via_stream (param i32) (result i32)))
  ;; Index 0 is the stream<u8> parameter, index 1 the future in the result.
  (import "wasi:cli/stdout@0.3.0" "[stream-new-0]write-via-stream" (func $stream_new (result i64)))
  (import "wasi:cli/stdout@0.3.0" "[async-lower][stream-write-0]write-via-stream"
    (func $stream_write (param i32 i32 i32) (result i32)))
  (import "wasi:cli/stdout@0.3.0" "[stream-drop-writable-0]write-via-stream" (func $drop_writable (param i32)))
  (import "wasi:cli/stdout@0.3.0" "[async-lower][future-read-1]write-via-stream"
    (func $future_read (param i32 i32) (result i32)))
  (import "wasi:cli/stdout@0.3.0" "[future-drop-readable-1]write-via-stream" (func $drop_future (param i32)))
  (import "wasi:cli/exit@0.3.0" "exit-with-code" (func $exit_with_code (param i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "[export]wasi:cli/run@0.3.0" "[task-return]run" (func $task_return (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "hello from a WASI 0.3 command\n")
  (data (i32.const 64) "arg: ")

  (global $heap (mut i32) (i32.const 4096))
  (func $alloc (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; Waits on one waitable (a stream or future end) for event $event (2 stream-read,
  ;; 3 stream-write, 4 future-read) and returns the event's payload word. It leaves the
  ;; set before dropping it: jco needs that explicit leave for an end dropped afterwards
  ;; (see wit/P3-PROPOSALS.md, "the drop workaround").
  (func $wait_for (param $handle i32) (param $event i32) (result i32)
    (local $set i32)
    (local.set $set (call $ws_new))
    (call $join (local.get $handle) (local.get $set))
    (loop $wait
      (br_if $wait (i32.ne (call $ws_wait (local.get $set) (i32.const 200)) (local.get $event))))
    (call $join (local.get $handle) (i32.const 0))
    (call $ws_drop (local.get $set))
    (i32.load (i32.const 204)))

  ;; Appends $len bytes from $src at $out; returns the new end.
  (func $text (param $src i32) (param $len i32) (param $out i32) (result i32)
    (memory.copy (local.get $out) (local.get $src) (local.get $len))
    (i32.add (local.get $out) (local.get $len)))

  ;; Writes $len bytes at $p to stdout through one stream, waiting while the host is not
  ;; reading, and returns once the host's future says every byte was written.
  (func $print (param $p i32) (param $len i32)
    (local $ends i64) (local $w i32) (local $future i32) (local $status i32)
    (local.set $ends (call $stream_new))
    (local.set $w (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
    (local.set $future (call $write_via_stream (i32.wrap_i64 (local.get $ends))))
    (block $done (loop $more
      (br_if $done (i32.eqz (local.get $len)))
      (local.set $status (call $stream_write (local.get $w) (local.get $p) (local.get $len)))
      ;; BLOCKED (-1): the host has not read yet; wait for STREAM_WRITE (3).
      (if (i32.eq (local.get $status) (i32.const -1))
        (then (local.set $status (call $wait_for (local.get $w) (i32.const 3)))))
      ;; status = (bytes taken << 4) | code; code 1 = the host dropped its end
      (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 1)) (then unreachable))
      (local.set $p (i32.add (local.get $p) (i32.shr_u (local.get $status) (i32.const 4))))
      (local.set $len (i32.sub (local.get $len) (i32.shr_u (local.get $status) (i32.const 4))))
      (br $more)))
    ;; Dropping the writable end is the end of the output: the future can now resolve.
    (call $drop_writable (local.get $w))
    (local.set $status (call $future_read (local.get $future) (i32.const 272)))
    (if (i32.eq (local.get $status) (i32.const -1))
      (then (drop (call $wait_for (local.get $future) (i32.const 4)))))
    (call $drop_future (local.get $future))
    ;; result<_, error-code>: discriminant 1 = the host could not write.
    (if (i32.load8_u (i32.const 272)) (then unreachable)))

  (func (export "[async-lift]wasi:cli/run@0.3.0#run") (result i32)
    (local $args i32) (local $count i32) (local $i i32) (local $out i32)
    (local $s i32) (local $n i32) (local $code i32) (local $c i32)
    (call $get_arguments (i32.const 256))
    (local.set $args (i32.load (i32.const 256)))
    (local.set $count (i32.load (i32.const 260)))
    ;; One stream for the whole output: the greeting, then one line per argument.
    (local.set $out (call $text (i32.const 16) (i32.const 30) (i32.const 1024)))
    (block $end (loop $each
      (br_if $end (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $out (call $text (i32.const 64) (i32.const 5) (local.get $out)))
      (local.set $out (call $text
        (i32.load (i32.add (local.get $args) (i32.shl (local.get $i) (i32.const 3))))
        (i32.load offset=4 (i32.add (local.get $args) (i32.shl (local.get $i) (i32.const 3))))
        (local.get $out)))
      (i32.store8 (local.get $out) (i32.const 10))
      (local.set $out (i32.add (local.get $out) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (call $print (i32.const 1024) (i32.sub (local.get $out) (i32.const 1024)))

    ;; No argument after the program name: ok.
    (if (i32.lt_u (local.get $count) (i32.const 2))
      (then (call $task_return (i32.const 0)) (return (i32.const 0))))
    ;; The second argument as a decimal number, or err if it is not one.
    (local.set $s (i32.load offset=8 (local.get $args)))
    (local.set $n (i32.load offset=12 (local.get $args)))
    (if (i32.eqz (local.get $n))
      (then (call $task_return (i32.const 1)) (return (i32.const 0))))
    (local.set $i (i32.const 0))
    (block $bad (loop $digit
      (local.set $c (i32.sub (i32.load8_u (i32.add (local.get $s) (local.get $i))) (i32.const 48)))
      (br_if $bad (i32.gt_u (local.get $c) (i32.const 9)))
      (local.set $code (i32.add (i32.mul (local.get $code) (i32.const 10)) (local.get $c)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (i32.lt_u (local.get $i) (local.get $n)) (then (br $digit)))
      ;; A number: exit with it (exit does not return).
      (call $exit_with_code (i32.and (local.get $code) (i32.const 255)))
      unreachable))
    (call $task_return (i32.const 1))
    (i32.const 0))

  (func (export "[callback][async-lift]wasi:cli/run@0.3.0#run") (param i32 i32 i32) (result i32)
    unreachable))
