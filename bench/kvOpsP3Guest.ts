import { kvOpsShared } from './kvOpsGuest';

/**
 * The kv-bench guest (kvOpsGuest.ts) on proposal:keyvalue-p3: the same n sets then n gets,
 * one after the other, each an "[async-lower]" call awaited through a waitable set. Same
 * ops and store as the 0.2 guest, so the ratio is the cost of the async ABI path.
 */
export const kvOpsP3Wit = `package local:kv-bench-p3;
world kv-bench-p3 {
  import proposal:keyvalue-p3/store@0.1.0;
  export run: async func(n: u32) -> u32;
}`;

export const kvOpsP3Wat = `(module
  (import "proposal:keyvalue-p3/store@0.1.0" "[async-lower]open" (func $open (param i32 i32 i32) (result i32)))
  (import "proposal:keyvalue-p3/store@0.1.0" "[async-lower][method]bucket.set" (func $set (param i32 i32) (result i32)))
  (import "proposal:keyvalue-p3/store@0.1.0" "[async-lower][method]bucket.get" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  (import "[export]$root" "[task-return]run" (func $task_return (param i32)))
  (memory (export "memory") 2)
  ${kvOpsShared}
  (func $await (param $status i32)
    (local $subtask i32) (local $set i32)
    (if (i32.eq (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2)) (then (return)))
    (local.set $subtask (i32.shr_u (local.get $status) (i32.const 4)))
    (local.set $set (call $ws_new))
    (call $join (local.get $subtask) (local.get $set))
    (loop $wait
      (drop (call $ws_wait (local.get $set) (i32.const 200)))
      (br_if $wait (i32.ne (i32.load (i32.const 204)) (i32.const 2))))
    (call $join (local.get $subtask) (i32.const 0))
    (call $subtask_drop (local.get $subtask))
    (call $ws_drop (local.get $set)))

  ;; set: (self, key ptr, key len, value ptr, value len) = 5 flat > 4: arguments at 400.
  (func (export "[async-lift]run") (param $n i32) (result i32)
    (local $b i32) (local $i i32) (local $found i32)
    (call $await (call $open (i32.const 16) (i32.const 5) (i32.const 64)))
    (if (i32.load8_u (i32.const 64)) (then unreachable))
    (local.set $b (i32.load (i32.const 68)))
    (i32.store (i32.const 400) (local.get $b))
    (i32.store (i32.const 404) (i32.const 256))
    (i32.store (i32.const 408) (i32.const 6))
    (i32.store (i32.const 412) (i32.const 300))
    (i32.store (i32.const 416) (i32.const 32))
    (block $done (loop $sets
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (call $key (local.get $i))
      (call $await (call $set (i32.const 400) (i32.const 96)))
      (if (i32.load8_u (i32.const 96)) (then unreachable))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sets)))
    (local.set $i (i32.const 0))
    (block $done2 (loop $gets
      (br_if $done2 (i32.ge_u (local.get $i) (local.get $n)))
      (call $key (local.get $i))
      (call $await (call $get (local.get $b) (i32.const 256) (i32.const 6) (i32.const 128)))
      (if (i32.load8_u (i32.const 128)) (then unreachable))
      (local.set $found (i32.add (local.get $found) (i32.load8_u (i32.const 132))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $gets)))
    (call $task_return (local.get $found))
    (i32.const 0))
  (func (export "[callback][async-lift]run") (param i32 i32 i32) (result i32) unreachable))`;
