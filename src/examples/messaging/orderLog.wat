;; An incoming-handler that prints each delivered message as one line:
;;   <topic>: <data>  [<content-type>] <key>=<value> ...
;; The export "wasi:messaging/incoming-handler@0.2.0-draft#handle" receives the message
;; as an owned handle and returns a pointer to its result<_, error>.
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; Message getters write their result at the return pointer:
  ;;   topic, content-type -> option<string>: tag u8 @0, ptr @4, len @8
  ;;   data -> list<u8>: ptr @0, len @4
  ;;   metadata -> option<list<tuple<string, string>>>: tag u8 @0, ptr @4, count @8;
  ;;     each pair is 16 bytes: key ptr, key len, value ptr, value len
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.topic" (func $topic (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.content-type" (func $content_type (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.metadata" (func $metadata (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) ": \00")
  (data (i32.const 32) "  [\00")
  (data (i32.const 48) "]\00")
  (data (i32.const 64) " \00")
  (data (i32.const 80) "=\00")
  (data (i32.const 96) "(no topic)\00")

  (global $heap (mut i32) (i32.const 4096))
  ;; Bump allocator: the host calls it to copy the topic, data and metadata into guest memory.
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

  ;; The line buffer: $put appends bytes (dropping what does not fit), $println writes it.
  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (local $room i32)
    (local.set $room (i32.sub (i32.const 4095) (global.get $line)))
    (if (i32.gt_u (local.get $n) (local.get $room)) (then (local.set $n (local.get $room))))
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  ;; Appends the (ptr, len) pair stored at $at, the shape of a string or list<u8>.
  (func $put_at (param $at i32) (call $put (i32.load (local.get $at)) (i32.load offset=4 (local.get $at))))
  ;; One write of at most 2048 bytes (the stream accepts up to 4096 per call); the host
  ;; hands out a fresh stdout stream per get-stdout, so drop it when done.
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 2032))
    (if (i32.load8_u (i32.const 2032)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $msg i32) (result i32)
    (local $pair i32) (local $end i32)
    ;; Nothing outlives a call, so every message starts with an empty heap.
    (global.set $heap (i32.const 4096))

    (call $topic (local.get $msg) (i32.const 768))
    (if (i32.load8_u (i32.const 768))
      (then (call $put_at (i32.const 772)))
      (else (call $puts (i32.const 96))))
    (call $puts (i32.const 16))
    (call $data (local.get $msg) (i32.const 784))
    (call $put_at (i32.const 784))

    (call $content_type (local.get $msg) (i32.const 800))
    (if (i32.load8_u (i32.const 800))
      (then (call $puts (i32.const 32)) (call $put_at (i32.const 804)) (call $puts (i32.const 48))))

    (call $metadata (local.get $msg) (i32.const 816))
    (if (i32.load8_u (i32.const 816))
      (then
        (local.set $pair (i32.load (i32.const 820)))
        (local.set $end (i32.add (local.get $pair) (i32.shl (i32.load (i32.const 824)) (i32.const 4))))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $pair) (local.get $end)))
          (call $puts (i32.const 64))
          (call $put_at (local.get $pair))
          (call $puts (i32.const 80))
          (call $put_at (i32.add (local.get $pair) (i32.const 8)))
          (local.set $pair (i32.add (local.get $pair) (i32.const 16)))
          (br $next)))))
    (call $println)

    (call $drop_message (local.get $msg))
    ;; result<_, error> at 832: tag 0 = ok, the host acks the delivery
    (i32.store8 (i32.const 832) (i32.const 0))
    (i32.const 832)))
