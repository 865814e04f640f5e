import { growingRealloc } from './watSnippets';

/**
 * Replays topic "bench.replay" from offset 0 through proposal:messaging-ext/offsets:
 * `run()` receives (timeout 0) until the log is exhausted, reads each message's data and
 * returns how many messages came back. The total payload length is left at address 2048
 * (read by nobody; it keeps the data call from being skipped by a clever reader).
 */
export const replayWit = `package local:replay-bench;
world replay-bench {
  import proposal:messaging-ext/offsets@0.1.0;
  export run: func() -> u32;
}`;

export const replayWat = `(module
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "proposal:messaging-ext/offsets@0.1.0" "subscribe-from" (func $subscribe_from (param i32 i32 i32 i64 i32)))
  ;; receive -> result<option<tuple<u64, message>>, error>: tag @0; option tag @8, offset @16, message @24
  (import "proposal:messaging-ext/offsets@0.1.0" "[method]consumer.receive" (func $receive (param i32 i32 i32)))
  (import "proposal:messaging-ext/offsets@0.1.0" "[resource-drop]consumer" (func $drop_consumer (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "bench")
  (data (i32.const 32) "bench.replay")
  (global $heap (mut i32) (i32.const 4096))
  ${growingRealloc}
  (func (export "run") (result i32)
    (local $c i32) (local $consumer i32) (local $msg i32) (local $n i32) (local $bytes i32)
    (call $connect (i32.const 16) (i32.const 5) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (local.set $c (i32.load (i32.const 260)))
    (call $subscribe_from (local.get $c) (i32.const 32) (i32.const 12) (i64.const 0) (i32.const 256))
    (if (i32.load8_u (i32.const 256)) (then unreachable))
    (local.set $consumer (i32.load (i32.const 260)))
    (block $end (loop $next
      ;; Nothing returned earlier is needed any more: reuse the heap for every message.
      (global.set $heap (i32.const 4096))
      (call $receive (local.get $consumer) (i32.const 0) (i32.const 512))
      (if (i32.load8_u (i32.const 512)) (then unreachable))
      (br_if $end (i32.eqz (i32.load8_u (i32.const 520))))
      (local.set $msg (i32.load (i32.const 536)))
      (call $data (local.get $msg) (i32.const 576))
      (local.set $bytes (i32.add (local.get $bytes) (i32.load (i32.const 580))))
      (call $drop_message (local.get $msg))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (i32.store (i32.const 2048) (local.get $bytes))
    (call $drop_consumer (local.get $consumer))
    (local.get $n)))`;
