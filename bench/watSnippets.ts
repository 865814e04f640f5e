/**
 * WAT shared by the bench guests. The playground's examples spell their allocator out
 * (a reader should see the whole module); the bench guests only need it to be right.
 */

/**
 * `cabi_realloc` as a bump allocator over `$heap` (declare `(global $heap (mut i32) ...)`)
 * that grows memory a page at a time until the allocation fits. Guests reset `$heap`
 * between calls once they no longer need what the host returned.
 */
export const growingRealloc = `(func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (block $fits (loop $grow
      (br_if $fits (i32.le_u (global.get $heap) (i32.shl (memory.size) (i32.const 16))))
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow)))
    (local.get $p))`;
