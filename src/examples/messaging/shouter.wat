;; Replies to each request with its data upper-cased (ASCII letters only).
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; data -> list<u8>: ptr @0, len @4
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.set-content-type" (func $set_content_type (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  ;; reply(reply-to: borrow<message>, message: own<message>) -> result<_, error>
  ;;   tag u8 @0; error variant tag u8 @4 (0 timeout, 1 connection, 2 permission-denied, 3 other), string @8/@12
  (import "wasi:messaging/request-reply@0.2.0-draft" "reply" (func $reply (param i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "text/plain\00")
  (data (i32.const 32) "replied \00")
  (data (i32.const 48) "reply failed: \00")
  (data (i32.const 496) "timeout\00")
  (data (i32.const 512) "connection: \00")
  (data (i32.const 528) "permission-denied: \00")
  (data (i32.const 560) "other: \00")

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

  (func $put_error (param $p i32)
    (local $tag i32)
    (local.set $tag (i32.load8_u (local.get $p)))
    (if (i32.eqz (local.get $tag)) (then (call $puts (i32.const 496)) (return)))
    (if (i32.eq (local.get $tag) (i32.const 1)) (then (call $puts (i32.const 512))))
    (if (i32.eq (local.get $tag) (i32.const 2)) (then (call $puts (i32.const 528))))
    (if (i32.eq (local.get $tag) (i32.const 3)) (then (call $puts (i32.const 560))))
    (call $put (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.load (i32.add (local.get $p) (i32.const 8)))))

  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (param $request i32) (result i32)
    (local $p i32) (local $end i32) (local $c i32) (local $answer i32)
    (global.set $heap (i32.const 4096))
    (call $data (local.get $request) (i32.const 768))
    ;; upper-case in place: the bytes are ours, the host copied them into our heap
    (local.set $p (i32.load (i32.const 768)))
    (local.set $end (i32.add (local.get $p) (i32.load (i32.const 772))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
        (then (i32.store8 (local.get $p) (i32.sub (local.get $c) (i32.const 32)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (local.set $answer (call $message_new (i32.load (i32.const 768)) (i32.load (i32.const 772))))
    (call $set_content_type (local.get $answer) (i32.const 16) (call $strlen (i32.const 16)))
    ;; the request is only borrowed by reply; the answer moves to the host
    (call $reply (local.get $request) (local.get $answer) (i32.const 784))
    (if (i32.load8_u (i32.const 784))
      (then (call $puts (i32.const 48)) (call $put_error (i32.const 788)))
      (else (call $puts (i32.const 32)) (call $put (i32.load (i32.const 768)) (i32.load (i32.const 772)))))
    (call $println)
    (call $drop_message (local.get $request))
    (i32.store8 (i32.const 832) (i32.const 0))
    (i32.const 832)))
