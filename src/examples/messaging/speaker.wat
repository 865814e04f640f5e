;; Takes a speaker number from a counter every tab shares (wasi:keyvalue atomics over
;; IndexedDB), then says hello on chat.lobby (wasi:messaging over BroadcastChannel).
;; Run it in two tabs: the numbers never repeat, and each tab's listener prints both.
;;
;; Memory: 16..767 NUL-terminated strings, 768..1023 return areas, 1024..1535 the message
;; body, 1536..1599 digits, 2048..4095 the line being printed, 4096.. heap.
(module
  ;; open(identifier) -> result<bucket, error>: tag u8 @0, bucket handle @4
  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func $open (param i32 i32 i32)))
  (import "wasi:keyvalue/store@0.2.0-draft2" "[resource-drop]bucket" (func $drop_bucket (param i32)))
  ;; increment(bucket, key, delta: s64) -> result<s64, error>: tag u8 @0, value s64 @8
  (import "wasi:keyvalue/atomics@0.2.0-draft2" "increment" (func $increment (param i32 i32 i32 i64 i32)))
  ;; connect(name) -> result<client, error>: tag u8 @0, client @4 (err: variant @4)
  (import "wasi:messaging/types@0.2.0-draft" "[static]client.connect" (func $connect (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[resource-drop]client" (func $drop_client (param i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[constructor]message" (func $message_new (param i32 i32) (result i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.set-content-type" (func $set_content_type (param i32 i32 i32)))
  (import "wasi:messaging/types@0.2.0-draft" "[method]message.add-metadata" (func $add_metadata (param i32 i32 i32 i32 i32)))
  ;; send(client, topic, own message) -> result<_, error>: the message moves to the host
  (import "wasi:messaging/producer@0.2.0-draft" "send" (func $send (param i32 i32 i32 i32 i32)))
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "chat\00")
  (data (i32.const 32) "speakers\00")
  (data (i32.const 48) "chat.lobby\00")
  (data (i32.const 64) "text/plain\00")
  (data (i32.const 80) "speaker\00")
  (data (i32.const 96) "hello from speaker #\00")
  (data (i32.const 128) "speaker #\00")
  (data (i32.const 144) " said hello on chat.lobby; the listener in every open tab prints it\00")
  (data (i32.const 224) "could not take a speaker number from bucket chat\00")
  (data (i32.const 288) "messaging failed (connect or send)\00")

  (global $heap (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
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

  ;; Writes n in decimal at $dst; returns the number of digits.
  (func $utoa (param $n i32) (param $dst i32) (result i32)
    (local $len i32) (local $i i32) (local $t i32)
    (local.set $t (local.get $n))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $i (local.get $len))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $dst) (local.get $i)) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $i)))
    (local.get $len))

  ;; The line buffer: $put appends bytes, $println writes the line to stdout.
  (global $line (mut i32) (i32.const 2048))
  (func $put (param $p i32) (param $n i32)
    (memory.copy (global.get $line) (local.get $p) (local.get $n))
    (global.set $line (i32.add (global.get $line) (local.get $n))))
  (func $puts (param $p i32) (call $put (local.get $p) (call $strlen (local.get $p))))
  (func $println
    (local $out i32)
    (i32.store8 (global.get $line) (i32.const 10))
    (local.set $out (call $get_stdout))
    (call $write (local.get $out) (i32.const 2048) (i32.sub (global.get $line) (i32.const 2047)) (i32.const 1000))
    (if (i32.load8_u (i32.const 1000)) (then unreachable))
    (call $drop_out (local.get $out))
    (global.set $line (i32.const 2048)))

  (func (export "run") (result i32)
    (local $bucket i32) (local $n i32) (local $digits i32) (local $body i32)
    (local $client i32) (local $msg i32)
    ;; 1. A number no other run, in any tab, gets: increment is atomic across workers and tabs.
    (call $open (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768)) (then (call $puts (i32.const 224)) (call $println) (return (i32.const 0))))
    (local.set $bucket (i32.load (i32.const 772)))
    (call $increment (local.get $bucket) (i32.const 32) (call $strlen (i32.const 32)) (i64.const 1) (i32.const 768))
    (if (i32.load8_u (i32.const 768)) (then (call $puts (i32.const 224)) (call $println) (return (i32.const 0))))
    (local.set $n (i32.wrap_i64 (i64.load (i32.const 776))))
    (call $drop_bucket (local.get $bucket))
    (local.set $digits (call $utoa (local.get $n) (i32.const 1536)))

    ;; 2. Body "hello from speaker #<n>", metadata speaker=<n>.
    (local.set $body (call $strlen (i32.const 96)))
    (memory.copy (i32.const 1024) (i32.const 96) (local.get $body))
    (memory.copy (i32.add (i32.const 1024) (local.get $body)) (i32.const 1536) (local.get $digits))
    (local.set $body (i32.add (local.get $body) (local.get $digits)))

    (call $connect (i32.const 16) (call $strlen (i32.const 16)) (i32.const 768))
    (if (i32.load8_u (i32.const 768)) (then (call $puts (i32.const 288)) (call $println) (return (i32.const 0))))
    (local.set $client (i32.load (i32.const 772)))
    (local.set $msg (call $message_new (i32.const 1024) (local.get $body)))
    (call $set_content_type (local.get $msg) (i32.const 64) (call $strlen (i32.const 64)))
    (call $add_metadata (local.get $msg) (i32.const 80) (call $strlen (i32.const 80)) (i32.const 1536) (local.get $digits))
    (call $send (local.get $client) (i32.const 48) (call $strlen (i32.const 48)) (local.get $msg) (i32.const 768))
    (if (i32.load8_u (i32.const 768)) (then (call $puts (i32.const 288)) (call $println) (return (i32.const 0))))
    (call $drop_client (local.get $client))

    (call $puts (i32.const 128)) (call $put (i32.const 1536) (local.get $digits)) (call $puts (i32.const 144))
    (call $println)
    (local.get $n)))
