;; The 0.2 shouter as a WASI 0.3 async handler.
;;
;; 0.2: handle(message: borrow<message>) gets a resource and calls message.data().
;; 0.3: handle is "[async-lift]…#handle" and gets the message RECORD flattened into 12 core
;;      values; the host has already copied topic, data and reply-to into our memory
;;      through cabi_realloc. The result<_, error> goes back through "[task-return]handle".
;;
;; It waits for its reply INLINE (waitable-set.wait inside handle): simple, but the task
;; keeps the instance while it waits, so the host starts the next handle call only after
;; this one ends. order-desk-p3 shows the callback style, where calls overlap. Each call
;; still works in its own frame from the heap, as any async export should.
(module
  ;; reply: async func(reply-to: string, message: message) -> result<_, error>
  ;;   14 flat values > 4: one pointer to { reply-to +0, message +8 } and a return pointer.
  (import "proposal:messaging-p3/request-reply@0.1.0" "[async-lower]reply"
    (func $reply (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  ;; result<_, error> flattens to (tag, error tag, string ptr, string len).
  (import "[export]proposal:messaging-p3/incoming-handler@0.1.0" "[task-return]handle"
    (func $task_return (param i32 i32 i32 i32)))
  ;; Printing stays a plain (sync) 0.2 call: a 0.3 component may import both kinds.
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "text/plain")
  (data (i32.const 32) "replied ")

  (global $heap (mut i32) (i32.const 4096))
  (func $alloc (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (block $fits (loop $grow
      (br_if $fits (i32.le_u (global.get $heap) (i32.shl (memory.size) (i32.const 16))))
      (drop (memory.grow (i32.const 1)))
      (br $grow)))
    (local.get $p))

  ;; Waits in a fresh waitable set until the call with status word $status has returned.
  ;; $payload: 8 bytes of this call's frame for the event payload.
  (func $await (param $status i32) (param $payload i32)
    (local $subtask i32) (local $set i32)
    (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2)) (then (return)))
    (local.set $subtask (i32.shr_u (local.get $status) (i32.const 4)))
    (local.set $set (call $ws_new))
    (call $join (local.get $subtask) (local.get $set))
    (loop $wait
      (drop (call $ws_wait (local.get $set) (local.get $payload)))
      (br_if $wait (i32.ne (i32.load offset=4 (local.get $payload)) (i32.const 2))))
    (call $join (local.get $subtask) (i32.const 0))
    (call $subtask_drop (local.get $subtask))
    (call $ws_drop (local.get $set)))

  ;; Prints "replied <data>\n" (one sync write).
  (func $print_replied (param $data i32) (param $len i32)
    (local $line i32) (local $out i32)
    (local.set $line (call $alloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $len) (i32.const 16))))
    (memory.copy (local.get $line) (i32.const 32) (i32.const 8))
    (memory.copy (i32.add (local.get $line) (i32.const 8)) (local.get $data) (local.get $len))
    (i32.store8 (i32.add (local.get $line) (i32.add (local.get $len) (i32.const 8))) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (local.get $line) (i32.add (local.get $len) (i32.const 9)) (i32.const 8))
    (call $drop_out (local.get $out)))

  ;; handle: async func(message: message) -> result<_, error>, the record flattened:
  ;; topic (ptr, len), data (ptr, len), content-type (tag, ptr, len), metadata (ptr, len),
  ;; reply-to (tag, ptr, len).
  (func (export "[async-lift]proposal:messaging-p3/incoming-handler@0.1.0#handle")
    (param $topic i32) (param $topic_len i32) (param $data i32) (param $len i32)
    (param $ct_tag i32) (param $ct i32) (param $ct_len i32) (param $md i32) (param $md_len i32)
    (param $rt_tag i32) (param $rt i32) (param $rt_len i32) (result i32)
    (local $frame i32) (local $p i32) (local $c i32)
    ;; Not a request (no reply-to): nothing to answer. ok = (0, 0, 0, 0).
    (if (i32.eqz (local.get $rt_tag))
      (then (call $task_return (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)) (return (i32.const 0))))
    ;; upper-case in place: these bytes are ours
    (local.set $p (local.get $data))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (i32.add (local.get $data) (local.get $len))))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
        (then (i32.store8 (local.get $p) (i32.sub (local.get $c) (i32.const 32)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    ;; frame: +0 reply arguments (56 bytes), +56 event payload, +64 result (16 bytes)
    (local.set $frame (call $alloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 80)))
    (memory.fill (local.get $frame) (i32.const 0) (i32.const 80))
    (i32.store (local.get $frame) (local.get $rt))                ;; reply-to
    (i32.store offset=4 (local.get $frame) (local.get $rt_len))
    (i32.store offset=16 (local.get $frame) (local.get $data))    ;; message.data
    (i32.store offset=20 (local.get $frame) (local.get $len))
    (i32.store8 offset=24 (local.get $frame) (i32.const 1))       ;; content-type: some("text/plain")
    (i32.store offset=28 (local.get $frame) (i32.const 16))
    (i32.store offset=32 (local.get $frame) (i32.const 10))
    (call $await
      (call $reply (local.get $frame) (i32.add (local.get $frame) (i32.const 64)))
      (i32.add (local.get $frame) (i32.const 56)))
    (call $print_replied (local.get $data) (local.get $len))
    ;; Pass the reply's own result<_, error> on as ours.
    (call $task_return
      (i32.load8_u offset=64 (local.get $frame)) (i32.load8_u offset=68 (local.get $frame))
      (i32.load offset=72 (local.get $frame)) (i32.load offset=76 (local.get $frame)))
    (i32.const 0))

  (func (export "[callback][async-lift]proposal:messaging-p3/incoming-handler@0.1.0#handle")
    (param i32 i32 i32) (result i32)
    unreachable))
