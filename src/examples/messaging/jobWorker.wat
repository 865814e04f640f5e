;; A work-queue consumer: prints "took <job> from <topic>" for every message the host
;; hands it. Which worker gets which job is the host's decision (queue:jobs), so the
;; code is the same as any other incoming-handler.
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; topic -> option<string>: tag u8 @0, ptr @4, len @8; data -> list<u8>: ptr @0, len @4
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.topic" (func $topic (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "took \00")
  (data (i32.const 32) " from \00")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    ;; grow a page at a time until the allocation fits
    (block $fits (loop $grow
      (br_if $fits (i32.le_u (global.get $heap) (i32.shl (memory.size) (i32.const 16))))
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow)))
    (local.get $p))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end (loop $next
      (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))

  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 4095) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 2032))
    (if (i32.load8_u (i32.const 2032)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (global.set $heap (i32.const 4096))
    (call $puts (i32.const 16))
    (call $data (local.get $msg) (i32.const 768))
    (call $put (i32.load (i32.const 768)) (i32.load (i32.const 772)))
    (call $topic (local.get $msg) (i32.const 784))
    (if (i32.load8_u (i32.const 784))
      (then (call $puts (i32.const 32)) (call $put (i32.load (i32.const 788)) (i32.load (i32.const 792)))))
    (call $println)
    (call $drop_message (local.get $msg))
    ;; result<_, error>: tag 0 = ok, so the host acks the job
    (i32.store8 (i32.const 800) (i32.const 0))
    (i32.const 800)))
