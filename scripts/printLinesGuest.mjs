// A WAT guest that prints "line 00001" … "line NNNNN", one blocking-write-and-flush each,
// without yielding: the shape of a flood of output. Shared by the e2e spec of a guest that
// floods and then hangs and by the bench of what a printed line costs (bench/abPrintConsole.mjs).

/**
 * The guest's WIT and WAT. `hang`: after its last line it loops forever instead of returning
 * (the time limit or Stop must end it).
 */
export function printLinesGuest(lines, { name = 'print-lines', hang = false } = {}) {
  const wit = `package local:${name};

world ${name} {
  import wasi:cli/stdout@0.2.2;

  /// Prints "line 00001" … "line ${String(lines).padStart(5, '0')}", one write each, then ${hang ? 'never returns' : 'returns how many'}.
  export run: func() -> u32;
}
`;
  const wat = `(module
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (memory (export "memory") 1)
  (func (export "run") (result i32)
    (local $i i32) (local $d i32) (local $v i32) (local $out i32)
    (i32.store (i32.const 2048) (i32.const 0x656e696c)) ;; "line"
    (i32.store8 (i32.const 2052) (i32.const 32))
    (i32.store8 (i32.const 2058) (i32.const 10))
    (local.set $out (call $get_stdout))
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $v (local.get $i))
      (local.set $d (i32.const 9))
      (loop $digit
        (i32.store8 (i32.add (i32.const 2048) (local.get $d)) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (local.set $d (i32.sub (local.get $d) (i32.const 1)))
        (br_if $digit (i32.ge_u (local.get $d) (i32.const 5))))
      (call $write (local.get $out) (i32.const 2048) (i32.const 11) (i32.const 1000))
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${lines}))))
    (call $drop_out (local.get $out))${hang ? '\n    ;; Hang: never yields, never returns.\n    (loop $forever (br $forever))' : ''}
    (local.get $i)))
`;
  return { wit, wat };
}
