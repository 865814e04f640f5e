/** Producer: `run(n)` sends n small messages to topic "bench.msg". */
export const producerWit = `package local:msg-bench-producer;
world producer {
  import wasi:messaging/producer@0.2.0-draft;
  export run: func(n: u32) -> u32;
}`;

export const producerWat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "bench")
  (data (i32.const 32) "bench.msg")
  (data (i32.const 64) "payload-of-32-bytes.............")
  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (if (i32.gt_u (global.get $heap) (i32.const 60000)) (then (global.set $heap (i32.const 4096))))
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func (export "run") (param $n i32) (result i32)
    (local $c i32) (local $i i32)
    (call $connect (i32.const 16) (i32.const 5) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (local.set $c (i32.load (i32.const 260)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (call $send (local.get $c) (i32.const 32) (i32.const 9)
        (call $message_new (i32.const 64) (i32.const 32)) (i32.const 288))
      (if (i32.load8_u (i32.const 288)) (then unreachable))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $i)))`;

/** Handler: accepts every message (ok result) and drops it. */
export const handlerWit = `package local:msg-bench-handler;
world handler {
  export wasi:messaging/incoming-handler@0.2.0-draft;
}`;

export const handlerWat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  ;; result<_, error> is returned through memory: tag 0 = ok at address 16.
  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (call $drop_message (local.get $msg))
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.const 16)))`;
