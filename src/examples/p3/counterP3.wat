;; The 0.2 counter rewritten for the component-model async ABI (WASI 0.3).
;;
;; What changes in the core module:
;; 1. Imports are "[async-lower]<fn>": the call returns at once with a status word
;;    instead of blocking. Low 4 bits = state (2 RETURNED: the result is already at the
;;    return pointer; 1 STARTED: still running), upper bits = a subtask handle to wait on.
;; 2. The export is "[async-lift]run" plus a "[callback][async-lift]run". run does not
;;    return its value: it calls "[task-return]run" with it and then returns 0 (EXIT).
;; 3. Waiting is explicit: put the subtask in a waitable set and "[waitable-set-wait]" on
;;    it. The event written at the payload pointer says which waitable finished.
(module
  ;; open: async func(identifier: string) -> result<bucket, error>
  ;;   (string ptr, string len, return ptr) -> status
  (import "proposal:keyvalue-p3/store@0.1.0" "[async-lower]open"
    (func $open (param i32 i32 i32) (result i32)))
  ;; increment: async func(bucket: borrow<bucket>, key: string, delta: s64) -> result<s64, error>
  ;;   (bucket, key ptr, key len, delta, return ptr) -> status
  (import "proposal:keyvalue-p3/atomics@0.1.0" "[async-lower]increment"
    (func $increment (param i32 i32 i32 i64 i32) (result i32)))
  (import "proposal:keyvalue-p3/store@0.1.0" "[resource-drop]bucket"
    (func $drop_bucket (param i32)))
  ;; The async built-ins, provided by the component model itself.
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  ;; How an async export hands back its result: task.return with the flattened s64.
  (import "[export]$root" "[task-return]run" (func $task_return (param i64)))

  (memory (export "memory") 1)
  (data (i32.const 16) "counters")
  (data (i32.const 32) "visits")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))

  ;; Waits until the call whose status word is $status has returned.
  ;; RETURNED (2) straight away: nothing to wait for. Otherwise join its subtask to a
  ;; waitable set and wait for the SUBTASK event (1) that reports RETURNED (2).
  (func $await (param $status i32)
    (local $subtask i32) (local $set i32)
    (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2)) (then (return)))
    (local.set $subtask (i32.shr_u (local.get $status) (i32.const 4)))
    (local.set $set (call $ws_new))
    (call $join (local.get $subtask) (local.get $set))
    (loop $wait
      ;; event code returned; payload at 200: [waitable index, state]
      (drop (call $ws_wait (local.get $set) (i32.const 200)))
      (br_if $wait (i32.ne (i32.load (i32.const 204)) (i32.const 2))))
    ;; Leave the set before dropping it (drop of a set that still holds waitables traps).
    (call $join (local.get $subtask) (i32.const 0))
    (call $subtask_drop (local.get $subtask))
    (call $ws_drop (local.get $set)))

  (func (export "[async-lift]run") (result i32)
    (local $bucket i32)
    (call $await (call $open (i32.const 16) (i32.const 8) (i32.const 64)))
    ;; tag 1 = err: trap, the trace shows the error the host returned
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $bucket (i32.load (i32.const 68)))
    (call $await (call $increment (local.get $bucket) (i32.const 32) (i32.const 6) (i64.const 1) (i32.const 96)))
    (if (i32.load8_u (i32.const 96)) (then unreachable))
    (call $drop_bucket (local.get $bucket))
    (call $task_return (i64.load (i32.const 104)))
    ;; 0 = EXIT: the task is done.
    (i32.const 0))

  ;; Called with events when run returns WAIT; this guest always waits inline instead.
  (func (export "[callback][async-lift]run") (param i32 i32 i32) (result i32)
    unreachable))
