;; A core module: the component wraps it and lifts its results by the canonical ABI.
(module
  (memory (export "memory") 1)
  ;; The text lives at address 16 (one byte per character).
  (data (i32.const 16) "wasm components speak WIT")

  ;; func() -> string: a string flattens to (ptr i32, len i32) – two values, more than
  ;; the one a core function may return – so `run` writes them to a "return area"
  ;; and returns the address of that area.
  (func (export "run") (result i32)
    ;; return area at address 0: [0..4) = pointer to the bytes, [4..8) = length
    (i32.store (i32.const 0) (i32.const 16)) ;; pointer
    (i32.store (i32.const 4) (i32.const 4))  ;; length
    (i32.const 0)))
