;; A handler that awaits a request while more messages arrive (WASI 0.3 async ABI).
;;
;; In 0.2 a handler call blocks the guest: the host queues the next message until the
;; handler returns. Here handle is "[async-lift]" with a CALLBACK:
;;   handle starts the request and, instead of waiting inline, RETURNS  WAIT | (set << 4).
;;   That gives the instance back: the host may now start handle for the next order.
;;   When the request finishes, the host calls "[callback]…#handle"(event, index, payload)
;;   for this task; the callback finishes the work and returns EXIT (0).
;; (Waiting inline with waitable-set.wait, as responder-p3 does, is simpler but keeps the
;; instance busy: the next handle call would start only after this one ends.)
;;
;; Each call keeps its state in its own frame from the heap, found again in the callback
;; through the task's context slot ("[context-set-0]" / "[context-get-0]").
(module
  ;; request: async func(topic, message, options) -> result<list<message>, error>
  ;;   one pointer to { topic +0, message +8 (48 bytes), options +56 (20 bytes) } + return ptr
  (import "proposal:messaging-p3/request-reply@0.1.0" "[async-lower]request"
    (func $request (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  (import "$root" "[context-set-0]" (func $context_set (param i32)))
  (import "$root" "[context-get-0]" (func $context_get (result i32)))
  (import "[export]proposal:messaging-p3/incoming-handler@0.1.0" "[task-return]handle"
    (func $task_return (param i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "greet")
  (data (i32.const 32) "checked ")
  (data (i32.const 48) " -> ")
  (data (i32.const 64) "no answer")

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

  ;; Appends $len bytes at $src to the line at $at; returns the new end.
  (func $put (param $at i32) (param $src i32) (param $len i32) (result i32)
    (memory.copy (local.get $at) (local.get $src) (local.get $len))
    (i32.add (local.get $at) (local.get $len)))

  ;; frame: +0 request arguments (76 bytes), +80 event payload, +96 result (16 bytes),
  ;;        +112 topic ptr, +116 topic len, +120 subtask, +124 waitable set
  (func (export "[async-lift]proposal:messaging-p3/incoming-handler@0.1.0#handle")
    (param $topic i32) (param $topic_len i32) (param $data i32) (param $len i32)
    (param $ct_tag i32) (param $ct i32) (param $ct_len i32) (param $md i32) (param $md_len i32)
    (param $rt_tag i32) (param $rt i32) (param $rt_len i32) (result i32)
    (local $frame i32) (local $status i32) (local $set i32)
    (local.set $frame (call $alloc (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 128)))
    (memory.fill (local.get $frame) (i32.const 0) (i32.const 128))
    (i32.store (local.get $frame) (i32.const 16))               ;; topic "greet"
    (i32.store offset=4 (local.get $frame) (i32.const 5))
    (i32.store offset=16 (local.get $frame) (local.get $data))  ;; the order's body
    (i32.store offset=20 (local.get $frame) (local.get $len))
    (i32.store8 offset=56 (local.get $frame) (i32.const 1))     ;; options: some
    (i32.store8 offset=60 (local.get $frame) (i32.const 1))     ;;   timeout-ms: some(2000)
    (i32.store offset=64 (local.get $frame) (i32.const 2000))
    (i32.store8 offset=68 (local.get $frame) (i32.const 1))     ;;   expected-replies: some(1)
    (i32.store offset=72 (local.get $frame) (i32.const 1))
    (i32.store offset=112 (local.get $frame) (local.get $topic))
    (i32.store offset=116 (local.get $frame) (local.get $topic_len))
    (call $context_set (local.get $frame))
    (local.set $status (call $request (local.get $frame) (i32.add (local.get $frame) (i32.const 96))))
    ;; Already answered (state 2 RETURNED)? Finish now.
    (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2))
      (then (return (call $finish (local.get $frame)))))
    ;; Otherwise: remember the subtask, put it in a set and hand the instance back.
    (i32.store offset=120 (local.get $frame) (i32.shr_u (local.get $status) (i32.const 4)))
    (local.set $set (call $ws_new))
    (i32.store offset=124 (local.get $frame) (local.get $set))
    (call $join (i32.shr_u (local.get $status) (i32.const 4)) (local.get $set))
    ;; 2 = WAIT, on the set in the upper bits.
    (i32.or (i32.const 2) (i32.shl (local.get $set) (i32.const 4))))

  ;; The host calls this with an event for the set handle returned.
  ;; event 1 = SUBTASK, $index = which subtask, $payload = its state (2 = RETURNED).
  (func (export "[callback][async-lift]proposal:messaging-p3/incoming-handler@0.1.0#handle")
    (param $event i32) (param $index i32) (param $payload i32) (result i32)
    (local $frame i32)
    (local.set $frame (call $context_get))
    (if (i32.or (i32.ne (local.get $event) (i32.const 1)) (i32.ne (local.get $payload) (i32.const 2)))
      (then
        ;; Not done yet: keep waiting on the same set.
        (return (i32.or (i32.const 2) (i32.shl (i32.load offset=124 (local.get $frame)) (i32.const 4))))))
    (call $join (local.get $index) (i32.const 0))
    (call $subtask_drop (local.get $index))
    (call $ws_drop (i32.load offset=124 (local.get $frame)))
    (call $finish (local.get $frame)))

  ;; Prints "checked <topic> -> <answer>", returns ok through task.return; 0 = EXIT.
  (func $finish (param $frame i32) (result i32)
    (local $msg i32) (local $line i32) (local $end i32) (local $out i32)
    (local.set $line (call $alloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 512)))
    (local.set $end (call $put (local.get $line) (i32.const 32) (i32.const 8)))
    (local.set $end (call $put (local.get $end) (i32.load offset=112 (local.get $frame)) (i32.load offset=116 (local.get $frame))))
    (local.set $end (call $put (local.get $end) (i32.const 48) (i32.const 4)))
    (if (i32.or (i32.load8_u offset=96 (local.get $frame)) (i32.eqz (i32.load offset=104 (local.get $frame))))
      (then (local.set $end (call $put (local.get $end) (i32.const 64) (i32.const 9))))
      (else
        (local.set $msg (i32.load offset=100 (local.get $frame)))
        (local.set $end (call $put (local.get $end) (i32.load offset=8 (local.get $msg))
          (select (i32.load offset=12 (local.get $msg)) (i32.const 400) (i32.lt_u (i32.load offset=12 (local.get $msg)) (i32.const 400)))))))
    (i32.store8 (local.get $end) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (local.get $line) (i32.add (i32.sub (local.get $end) (local.get $line)) (i32.const 1))
      (i32.add (local.get $frame) (i32.const 80)))
    (call $drop_out (local.get $out))
    (call $task_return (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
    (i32.const 0)))
