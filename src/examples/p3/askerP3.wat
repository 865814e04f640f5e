;; Three requests in flight at once (WASI 0.3 async ABI).
;;
;; In 0.2 `request` blocks: three requests take three round trips one after the other.
;; Here each "[async-lower]request" returns at once with a status word; the guest starts
;; all three, puts the unfinished subtasks in ONE waitable set and waits for them together.
;; The timeline shows three "▶ request" starts before the first "request ◀" end.
;;
;; Memory: 16.. strings, 200 wait payload, 512 subtask statuses,
;; 1024 + 128*i the arguments and result of request i, 2048 the answer, 4096.. heap.
(module
  ;; request: async func(topic: string, message: message, options: option<request-options>)
  ;;            -> result<list<message>, error>
  ;; 19 flat values > 4, so an async lower passes ONE pointer to the arguments laid out as
  ;; a record, plus the return pointer:
  ;;   +0 topic (ptr, len)  +8 message (48 bytes)  +56 option<request-options> (20 bytes)
  ;; message = { topic: string +0, data: list<u8> +8, content-type: option<string> +16,
  ;;             metadata: list<tuple<string,string>> +28, reply-to: option<string> +36 }
  ;; result at retptr: tag u8 +0; ok: list of messages (ptr +4, len +8); err: variant +4.
  (import "proposal:messaging-p3/request-reply@0.1.0" "[async-lower]request"
    (func $request (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  ;; run returns a string: task.return takes (ptr, len).
  (import "[export]$root" "[task-return]run" (func $task_return (param i32 i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "greet")
  (data (i32.const 32) "apples")
  (data (i32.const 48) "pears")
  (data (i32.const 64) "plums")

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

  ;; Starts request i with `data` as the body; stores its status word at 512 + 4*i.
  (func $start (param $i i32) (param $data i32) (param $len i32)
    (local $args i32)
    (local.set $args (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 128))))
    (memory.fill (local.get $args) (i32.const 0) (i32.const 128))
    (i32.store (local.get $args) (i32.const 16))                 ;; topic "greet"
    (i32.store offset=4 (local.get $args) (i32.const 5))
    (i32.store offset=16 (local.get $args) (local.get $data))   ;; message.data
    (i32.store offset=20 (local.get $args) (local.get $len))
    ;; content-type none, metadata empty, reply-to none: already zero.
    (i32.store8 offset=56 (local.get $args) (i32.const 1))      ;; options: some
    (i32.store8 offset=60 (local.get $args) (i32.const 1))      ;;   timeout-ms: some(4000)
    (i32.store offset=64 (local.get $args) (i32.const 4000))
    (i32.store8 offset=68 (local.get $args) (i32.const 1))      ;;   expected-replies: some(1)
    (i32.store offset=72 (local.get $args) (i32.const 1))
    ;; The result lands at +96 when the request completes, maybe long after this returns.
    (i32.store (i32.add (i32.const 512) (i32.shl (local.get $i) (i32.const 2)))
      (call $request (local.get $args) (i32.add (local.get $args) (i32.const 96)))))

  ;; Waits until every started request has RETURNED (state 2).
  (func $await_all (param $n i32)
    (local $i i32) (local $status i32) (local $set i32) (local $pending i32) (local $subtask i32)
    (local.set $set (call $ws_new))
    (block $joined (loop $each
      (br_if $joined (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $status (i32.load (i32.add (i32.const 512) (i32.shl (local.get $i) (i32.const 2)))))
      (if (i32.ne (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2))
        (then
          ;; Still running: its subtask handle is in the upper bits.
          (call $join (i32.shr_u (local.get $status) (i32.const 4)) (local.get $set))
          (local.set $pending (i32.add (local.get $pending) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (block $done (loop $wait
      (br_if $done (i32.eqz (local.get $pending)))
      ;; Event 1 = SUBTASK; payload [200] = which subtask, [204] = its new state.
      (if (i32.and (i32.eq (call $ws_wait (local.get $set) (i32.const 200)) (i32.const 1))
                   (i32.eq (i32.load (i32.const 204)) (i32.const 2)))
        (then
          (local.set $subtask (i32.load (i32.const 200)))
          (call $join (local.get $subtask) (i32.const 0))   ;; leave the set, then drop
          (call $subtask_drop (local.get $subtask))
          (local.set $pending (i32.sub (local.get $pending) (i32.const 1)))))
      (br $wait)))
    (call $ws_drop (local.get $set)))

  ;; Appends reply i's first message data (or "?" on error) and a space at $out; returns the new end.
  (func $append (param $i i32) (param $out i32) (result i32)
    (local $ret i32) (local $msg i32) (local $len i32)
    (local.set $ret (i32.add (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 128))) (i32.const 96)))
    (if (i32.or (i32.load8_u (local.get $ret)) (i32.eqz (i32.load offset=8 (local.get $ret))))
      (then
        (i32.store8 (local.get $out) (i32.const 63))
        (local.set $out (i32.add (local.get $out) (i32.const 1))))
      (else
        (local.set $msg (i32.load offset=4 (local.get $ret)))       ;; first message record
        (local.set $len (i32.load offset=12 (local.get $msg)))      ;; its data.len
        (memory.copy (local.get $out) (i32.load offset=8 (local.get $msg)) (local.get $len))
        (local.set $out (i32.add (local.get $out) (local.get $len)))))
    (i32.store8 (local.get $out) (i32.const 32))
    (i32.add (local.get $out) (i32.const 1)))

  (func (export "[async-lift]run") (result i32)
    (local $end i32)
    (call $start (i32.const 0) (i32.const 32) (i32.const 6))
    (call $start (i32.const 1) (i32.const 48) (i32.const 5))
    (call $start (i32.const 2) (i32.const 64) (i32.const 5))
    (call $await_all (i32.const 3))
    (local.set $end (call $append (i32.const 0) (i32.const 2048)))
    (local.set $end (call $append (i32.const 1) (local.get $end)))
    (local.set $end (call $append (i32.const 2) (local.get $end)))
    ;; minus the trailing space
    (call $task_return (i32.const 2048) (i32.sub (i32.sub (local.get $end) (i32.const 2048)) (i32.const 1)))
    (i32.const 0))

  (func (export "[callback][async-lift]run") (param i32 i32 i32) (result i32)
    unreachable))
