import { growingRealloc } from './watSnippets';

/**
 * Request-reply bench guests: n requests to "greet" (answered by the 0.2 shouter example,
 * which replies with the data upper-cased), each asking for one reply within 4 s.
 * The 0.2 asker blocks on every request (one round trip after the other, JSPI); the 0.3
 * asker starts all n with "[async-lower]request" and waits for the subtasks in one
 * waitable set, so the round trips overlap. Both return how many requests got a reply.
 */


export const askerP2Wit = `package local:rr-bench-p2;
world rr-bench-p2 {
  import wasi:messaging/request-reply@0.2.0-draft;
  export run: func(n: u32) -> u32;
}`;

export const askerP2Wat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "[constructor]request-options" (func $options_new (result i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "[method]request-options.set-timeout-ms" (func $set_timeout (param i32 i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "[method]request-options.set-expected-replies" (func $set_expected (param i32 i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "request" (func $request (param i32 i32 i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "greet")
  (data (i32.const 32) "ping")
  (data (i32.const 48) "bench")
  (global $heap (mut i32) (i32.const 4096))
  ${growingRealloc}
  (func (export "run") (param $n i32) (result i32)
    (local $client i32) (local $i i32) (local $msg i32) (local $options i32) (local $ok i32)
    (local $reply i32) (local $end i32)
    (call $connect (i32.const 48) (i32.const 5) (i32.const 768))
    (if (i32.load8_u (i32.const 768)) (then unreachable))
    (local.set $client (i32.load (i32.const 772)))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $msg (call $message_new (i32.const 32) (i32.const 4)))
      (local.set $options (call $options_new))
      (call $set_timeout (local.get $options) (i32.const 4000))
      (call $set_expected (local.get $options) (i32.const 1))
      ;; Blocks (JSPI) until the reply arrives.
      (call $request (local.get $client) (i32.const 16) (i32.const 5) (local.get $msg) (i32.const 1) (local.get $options) (i32.const 800))
      (if (i32.eqz (i32.load8_u (i32.const 800)))
        (then
          (if (i32.load (i32.const 808)) (then (local.set $ok (i32.add (local.get $ok) (i32.const 1)))))
          (local.set $reply (i32.load (i32.const 804)))
          (local.set $end (i32.add (local.get $reply) (i32.shl (i32.load (i32.const 808)) (i32.const 2))))
          (block $dropped (loop $drop
            (br_if $dropped (i32.ge_u (local.get $reply) (local.get $end)))
            (call $drop_message (i32.load (local.get $reply)))
            (local.set $reply (i32.add (local.get $reply) (i32.const 4)))
            (br $drop)))))
      (call $drop_message (local.get $msg))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (call $drop_client (local.get $client))
    (local.get $ok)))`;

export const askerP3Wit = `package local:rr-bench-p3;
world rr-bench-p3 {
  import proposal:messaging-p3/request-reply@0.1.0;
  export run: async func(n: u32) -> u32;
}`;

/** Statuses at 65536 + 4i, request i's arguments (and at +96 its result) at 73728 + 128i: n ≤ 1400. */
export const askerP3Wat = `(module
  (import "proposal:messaging-p3/request-reply@0.1.0" "[async-lower]request" (func $request (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-new]" (func $ws_new (result i32)))
  (import "$root" "[waitable-join]" (func $join (param i32 i32)))
  (import "$root" "[waitable-set-wait]" (func $ws_wait (param i32 i32) (result i32)))
  (import "$root" "[waitable-set-drop]" (func $ws_drop (param i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  (import "[export]$root" "[task-return]run" (func $task_return (param i32)))
  (memory (export "memory") 5)
  (data (i32.const 16) "greet")
  (data (i32.const 32) "ping")
  (global $heap (mut i32) (i32.const 262144))
  ${growingRealloc}
  (func $args (param $i i32) (result i32) (i32.add (i32.const 73728) (i32.shl (local.get $i) (i32.const 7))))
  (func (export "[async-lift]run") (param $n i32) (result i32)
    (local $i i32) (local $a i32) (local $status i32) (local $set i32) (local $pending i32) (local $subtask i32) (local $ok i32)
    ;; Start all n: the layout is askerP3.wat's (topic +0, message +8, options +56, result +96).
    (block $started (loop $start
      (br_if $started (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $a (call $args (local.get $i)))
      (memory.fill (local.get $a) (i32.const 0) (i32.const 128))
      (i32.store (local.get $a) (i32.const 16))
      (i32.store offset=4 (local.get $a) (i32.const 5))
      (i32.store offset=16 (local.get $a) (i32.const 32))
      (i32.store offset=20 (local.get $a) (i32.const 4))
      (i32.store8 offset=56 (local.get $a) (i32.const 1))
      (i32.store8 offset=60 (local.get $a) (i32.const 1))
      (i32.store offset=64 (local.get $a) (i32.const 4000))
      (i32.store8 offset=68 (local.get $a) (i32.const 1))
      (i32.store offset=72 (local.get $a) (i32.const 1))
      (i32.store (i32.add (i32.const 65536) (i32.shl (local.get $i) (i32.const 2)))
        (call $request (local.get $a) (i32.add (local.get $a) (i32.const 96))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $start)))
    ;; Wait for every unfinished one in one set.
    (local.set $set (call $ws_new))
    (local.set $i (i32.const 0))
    (block $joined (loop $each
      (br_if $joined (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $status (i32.load (i32.add (i32.const 65536) (i32.shl (local.get $i) (i32.const 2)))))
      (if (i32.ne (i32.and (local.get $status) (i32.const 0xf)) (i32.const 2))
        (then
          (call $join (i32.shr_u (local.get $status) (i32.const 4)) (local.get $set))
          (local.set $pending (i32.add (local.get $pending) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (block $done (loop $wait
      (br_if $done (i32.eqz (local.get $pending)))
      (if (i32.and (i32.eq (call $ws_wait (local.get $set) (i32.const 200)) (i32.const 1))
                   (i32.eq (i32.load (i32.const 204)) (i32.const 2)))
        (then
          (local.set $subtask (i32.load (i32.const 200)))
          (call $join (local.get $subtask) (i32.const 0))
          (call $subtask_drop (local.get $subtask))
          (local.set $pending (i32.sub (local.get $pending) (i32.const 1)))))
      (br $wait)))
    (call $ws_drop (local.get $set))
    ;; Count the requests whose result is ok with at least one reply.
    (local.set $i (i32.const 0))
    (block $counted (loop $count
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $a (i32.add (call $args (local.get $i)) (i32.const 96)))
      (if (i32.and (i32.eqz (i32.load8_u (local.get $a))) (i32.ne (i32.load offset=8 (local.get $a)) (i32.const 0)))
        (then (local.set $ok (i32.add (local.get $ok) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $count)))
    (call $task_return (local.get $ok))
    (i32.const 0))
  (func (export "[callback][async-lift]run") (param i32 i32 i32) (result i32) unreachable))`;
