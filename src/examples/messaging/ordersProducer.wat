;; Publishes three order events. Core module in canonical-ABI naming: imports are
;; (module "<interface id>") (name "<function>"); resource functions are named
;; "[constructor]message", "[method]message.add-metadata", "[static]client.connect".
;;
;; Memory: 16..767 NUL-terminated strings (the NUL only lets $strlen find the length;
;; the canonical ABI always passes strings as ptr + len), 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; connect: static func(name: string) -> result<client, error>
  ;;   result at the return pointer: tag u8 @0; ok: client handle @4;
  ;;   err: error variant tag u8 @4 (0 timeout, 1 connection, 2 permission-denied, 3 other), string ptr @8, len @12
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  ;; constructor(data: list<u8>) -> message: the handle comes back as the result
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.set-content-type" (func $set_content_type (param i32 i32 i32)))
  ;; add-metadata(self, key: string, value: string)
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.add-metadata" (func $add_metadata (param i32 i32 i32 i32 i32)))
  ;; send(c: borrow<client>, topic: string, message: own<message>) -> result<_, error>
  ;;   the message is moved to the host (no drop afterwards); result layout as connect's
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  ;; stdout: get-stdout, then blocking-write-and-flush(self, ptr, len, retptr) -> result<_, stream-error>
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "orders-app\00")
  (data (i32.const 32) "application/json\00")
  (data (i32.const 64) "order-id\00")
  (data (i32.const 80) "source\00")
  (data (i32.const 96) "web-shop\00")
  (data (i32.const 112) "1001\00")
  (data (i32.const 128) "orders.created\00")
  (data (i32.const 160) "orders.paid\00")
  (data (i32.const 192) "orders.shipped\00")
  (data (i32.const 256) "{\"order\":1001,\"item\":\"teapot\",\"qty\":1}\00")
  (data (i32.const 320) "{\"order\":1001,\"amount\":\"24.90\",\"currency\":\"EUR\"}\00")
  (data (i32.const 384) "{\"order\":1001,\"carrier\":\"DHL\"}\00")
  (data (i32.const 448) "sent \00")
  (data (i32.const 464) "send failed on \00")
  (data (i32.const 480) ": \00")
  (data (i32.const 496) "timeout\00")
  (data (i32.const 512) "connection: \00")
  (data (i32.const 528) "permission-denied: \00")
  (data (i32.const 560) "other: \00")
  (data (i32.const 576) "connect failed: \00")

  (global $heap (mut i32) (i32.const 4096))
  ;; Bump allocator: the host calls it to copy strings and lists into guest memory.
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

  ;; Appends the wasi:messaging error variant stored at $p.
  (func $put_error (param $p i32)
    (local $tag i32)
    (local.set $tag (i32.load8_u (local.get $p)))
    (if (i32.eqz (local.get $tag)) (then (call $puts (i32.const 496)) (return)))
    (if (i32.eq (local.get $tag) (i32.const 1)) (then (call $puts (i32.const 512))))
    (if (i32.eq (local.get $tag) (i32.const 2)) (then (call $puts (i32.const 528))))
    (if (i32.eq (local.get $tag) (i32.const 3)) (then (call $puts (i32.const 560))))
    (call $put (i32.load (i32.add (local.get $p) (i32.const 4))) (i32.load (i32.add (local.get $p) (i32.const 8)))))

  ;; Builds one message (JSON body, content type, metadata) and sends it to $topic.
  ;; Returns 1 when the host accepted it.
  (func $send_one (param $client i32) (param $topic i32) (param $body i32) (result i32)
    (local $msg i32)
    (local.set $msg (call $message_new (local.get $body) (call $strlen (local.get $body))))
    (call $set_content_type (local.get $msg) (i32.const 32) (call $strlen (i32.const 32)))
    (call $add_metadata (local.get $msg) (i32.const 64) (call $strlen (i32.const 64)) (i32.const 112) (call $strlen (i32.const 112)))
    (call $add_metadata (local.get $msg) (i32.const 80) (call $strlen (i32.const 80)) (i32.const 96) (call $strlen (i32.const 96)))
    (call $send (local.get $client) (local.get $topic) (call $strlen (local.get $topic)) (local.get $msg) (i32.const 800))
    (if (i32.load8_u (i32.const 800))
      (then
        (call $puts (i32.const 464)) (call $puts (local.get $topic)) (call $puts (i32.const 480))
        (call $put_error (i32.const 804)) (call $println)
        (return (i32.const 0))))
    (call $puts (i32.const 448)) (call $puts (local.get $topic)) (call $puts (i32.const 480))
    (call $puts (local.get $body)) (call $println)
    (i32.const 1))

  (func (export "run") (result i32)
    (local $client i32) (local $sent i32)
    (call $connect (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768))
      (then (call $puts (i32.const 576)) (call $put_error (i32.const 772)) (call $println) (return (i32.const 0))))
    (local.set $client (i32.load (i32.const 772)))
    (local.set $sent (call $send_one (local.get $client) (i32.const 128) (i32.const 256)))
    (local.set $sent (i32.add (local.get $sent) (call $send_one (local.get $client) (i32.const 160) (i32.const 320))))
    (local.set $sent (i32.add (local.get $sent) (call $send_one (local.get $client) (i32.const 192) (i32.const 384))))
    (call $drop_client (local.get $client))
    (local.get $sent)))
