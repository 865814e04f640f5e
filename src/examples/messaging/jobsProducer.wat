;; Sends six jobs to the topic "jobs": the payloads "job-1" … "job-6" (text/plain).
;; Canonical-ABI naming as in the other examples; see ordersProducer.wat for the
;; result layouts of connect and send.
;;
;; Memory: 16..767 NUL-terminated strings, 768..2047 return areas,
;; 2048..4095 the line being printed, 4096.. heap for cabi_realloc.
(module
  ;; connect(name) -> result<client, error>: tag u8 @0, client @4 / error variant @4
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.set-content-type" (func $set_content_type (param i32 i32 i32)))
  ;; send(client, topic ptr, topic len, own message, retptr) -> result<_, error>: tag u8 @0, error variant @4
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "job-board\00")
  (data (i32.const 32) "jobs\00")
  (data (i32.const 48) "text/plain\00")
  ;; the payload; the digit at 68 is rewritten before each send
  (data (i32.const 64) "job-0\00")
  (data (i32.const 80) "queued \00")
  (data (i32.const 96) "send failed: \00")
  (data (i32.const 112) "connect failed: \00")
  (data (i32.const 496) "timeout\00")
  (data (i32.const 512) "connection: \00")
  (data (i32.const 528) "permission-denied: \00")
  (data (i32.const 560) "other: \00")

  (global $heap (mut i32) (i32.const 4096))
  ;; Bump allocator: the host calls it to copy error text into guest memory.
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

  (func (export "run") (result i32)
    (local $client i32) (local $msg i32) (local $n i32) (local $sent i32)
    (call $connect (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768))
      (then (call $puts (i32.const 112)) (call $put_error (i32.const 772)) (call $println) (return (i32.const 0))))
    (local.set $client (i32.load (i32.const 772)))
    (loop $next
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (i32.store8 (i32.const 68) (i32.add (i32.const 48) (local.get $n)))
      (local.set $msg (call $message_new (i32.const 64) (i32.const 5)))
      (call $set_content_type (local.get $msg) (i32.const 48) (call $strlen (i32.const 48)))
      ;; the message handle moves to the host with send
      (call $send (local.get $client) (i32.const 32) (call $strlen (i32.const 32)) (local.get $msg) (i32.const 800))
      (if (i32.load8_u (i32.const 800))
        (then (call $puts (i32.const 96)) (call $put_error (i32.const 804)))
        (else (call $puts (i32.const 80)) (call $put (i32.const 64) (i32.const 5))
              (local.set $sent (i32.add (local.get $sent) (i32.const 1)))))
      (call $println)
      (br_if $next (i32.lt_u (local.get $n) (i32.const 6))))
    (call $drop_client (local.get $client))
    (local.get $sent)))
