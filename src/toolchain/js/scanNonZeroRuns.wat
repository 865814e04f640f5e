(module
  (import "env" "memory" (memory 0))
  (import "env" "emit" (func $emit (param i32 i32)))
  ;; Emits [start, end) of every run of non-zero words in bytes [0, n), split at zero runs of
  ;; at least $gap bytes (whole words); n is a multiple of 16 (a memory's length is).
  (func (export "scan") (param $n i32) (param $gap i32)
    (local $i i32) (local $start i32) (local $end i32) (local $k i32)
    (block $done
      (loop $outer
        ;; skip zero words, 16 bytes at a time
        (block $nz
          (loop $skip
            (br_if $nz (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $n)))
            (br_if $nz (v128.any_true (v128.load (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $skip)))
        (block $found
          (loop $word
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (br_if $found (i32.load (local.get $i)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $word)))
        (local.set $start (local.get $i))
        (local.set $end (local.get $i))
        (block $segEnd
          (loop $inner
            (br_if $segEnd (i32.ge_u (local.get $end) (local.get $n)))
            ;; four non-zero words at once
            (if (i32.le_u (i32.add (local.get $end) (i32.const 16)) (local.get $n))
              (then
                (if (i32x4.all_true (v128.load (local.get $end)))
                  (then (local.set $end (i32.add (local.get $end) (i32.const 16))) (br $inner)))))
            (if (i32.load (local.get $end))
              (then (local.set $end (i32.add (local.get $end) (i32.const 4))) (br $inner)))
            ;; a zero word: measure the zero run
            (local.set $k (local.get $end))
            (block $runEnd
              (loop $run
                (br_if $runEnd (i32.ge_u (local.get $k) (local.get $n)))
                (br_if $runEnd (i32.load (local.get $k)))
                (local.set $k (i32.add (local.get $k) (i32.const 4)))
                (br $run)))
            (br_if $segEnd (i32.ge_u (i32.sub (local.get $k) (local.get $end)) (local.get $gap)))
            (br_if $segEnd (i32.ge_u (local.get $k) (local.get $n)))
            (local.set $end (local.get $k))
            (br $inner)))
        (call $emit (local.get $start) (local.get $end))
        (local.set $i (local.get $end))
        (br $outer)))))
