;; The asker again, but its request goes to "nobody.home", a topic no guest subscribes
;; to: no reply can come, so after 1000 ms request returns err(timeout) and it prints that.
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; connect(name) -> result<client, error>: tag u8 @0, client @4 / error variant @4
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  ;; data -> list<u8>: ptr @0, len @4
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.data" (func $data (param i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]message" (func $drop_message (param i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "[constructor]request-options" (func $options_new (result i32)))
  (import "wasi:messaging/request-reply@0.2.0-draft" "[method]request-options.set-timeout-ms" (func $set_timeout (param i32 i32)))
  ;; request(c: borrow<client>, topic: string, message: borrow<message>, options: option<request-options>)
  ;;     -> result<list<message>, error>
  ;;   params: client, topic ptr, topic len, message, option tag (1 = some), options handle (moved), retptr
  ;;   result: tag u8 @0; ok: reply handles ptr @4, count @8 (one i32 per owned message);
  ;;   err: variant tag u8 @4 (0 timeout, 1 connection, 2 permission-denied, 3 other), string @8/@12
  (import "wasi:messaging/request-reply@0.2.0-draft" "request" (func $request (param i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "lonely\00")
  (data (i32.const 32) "nobody.home\00")
  (data (i32.const 64) "hello, wasi\00")
  (data (i32.const 96) "asking \00")
  (data (i32.const 112) ": \00")
  (data (i32.const 128) "reply: \00")
  (data (i32.const 144) "replies within 1000 ms: \00")
  (data (i32.const 176) "request to \00")
  (data (i32.const 192) " failed: \00")
  (data (i32.const 208) "connect failed: \00")
  (data (i32.const 496) "timeout\00")
  (data (i32.const 512) "connection: \00")
  (data (i32.const 528) "permission-denied: \00")
  (data (i32.const 560) "other: \00")

  (global $heap (mut i32) (i32.const 4096))
  ;; Bump allocator: the host copies the reply list and reply data in through it.
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
  (func $put_u32 (param $v i32)
    (if (i32.ge_u (local.get $v) (i32.const 10)) (then (call $put_u32 (i32.div_u (local.get $v) (i32.const 10)))))
    (i32.store8 (i32.const 2044) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
    (call $put (i32.const 2044) (i32.const 1)))
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

  (func (export "run") (result i32)
    (local $client i32) (local $msg i32) (local $options i32)
    (local $reply i32) (local $end i32) (local $count i32)
    (call $connect (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768))
      (then (call $puts (i32.const 208)) (call $put_error (i32.const 772)) (call $println) (return (i32.const 0))))
    (local.set $client (i32.load (i32.const 772)))
    (local.set $msg (call $message_new (i32.const 64) (call $strlen (i32.const 64))))
    (local.set $options (call $options_new))
    (call $set_timeout (local.get $options) (i32.const 1000))
    (call $puts (i32.const 96)) (call $puts (i32.const 32)) (call $puts (i32.const 112)) (call $puts (i32.const 64))
    (call $println)

    ;; Suspends (JSPI) until the host resolves: the timeout elapsed or the request failed.
    (call $request (local.get $client) (i32.const 32) (call $strlen (i32.const 32))
      (local.get $msg) (i32.const 1) (local.get $options) (i32.const 800))
    (if (i32.load8_u (i32.const 800))
      (then
        (call $puts (i32.const 176)) (call $puts (i32.const 32)) (call $puts (i32.const 192))
        (call $put_error (i32.const 804)) (call $println))
      (else
        (local.set $reply (i32.load (i32.const 804)))
        (local.set $count (i32.load (i32.const 808)))
        (local.set $end (i32.add (local.get $reply) (i32.shl (local.get $count) (i32.const 2))))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $reply) (local.get $end)))
          (call $data (i32.load (local.get $reply)) (i32.const 832))
          (call $puts (i32.const 128)) (call $put (i32.load (i32.const 832)) (i32.load (i32.const 836)))
          (call $println)
          (call $drop_message (i32.load (local.get $reply)))
          (local.set $reply (i32.add (local.get $reply) (i32.const 4)))
          (br $next)))
        (call $puts (i32.const 144)) (call $put_u32 (local.get $count)) (call $println)))
    (call $drop_message (local.get $msg))
    (call $drop_client (local.get $client))
    (local.get $count)))
