import { describe, expect, it } from 'vitest';
import { asWat, locateExportMismatch } from './locateExportMismatch';

// Verbatim from componentNew (jco-transpile's wasm-tools) for the two cases.
const wrapped = (cause: string) => `failed to encode a component from module\n$failed to decode world from module\n\nCaused by:\n    0: module was not valid\n${cause}`;
const WRONG = wrapped('    1: failed to classify export `run`\n    2: failed to validate export for `run`\n    3: type mismatch for function `run`: expected `[] -> [I32]` but found `[] -> [I64]`');
const MISSING = wrapped('    1: failed to find export of function `add`');
const WIT = 'package learn:abi;\n\n/// run: the string\nworld abi {\n  export run: func() -> string;\n  export add: func(a: u32, b: u32) -> u32;\n}\n';
const WAT = '(module\n  (memory (export "memory") 1)\n  (func (export "run") (result i64)\n    (i64.const 0)))\n';

describe('locateExportMismatch', () => {
  it('marks the WAT export and the WIT function, in WAT words', () => {
    const [guest, wit] = locateExportMismatch(WRONG, WAT, WIT)!;
    expect(guest).toMatchObject({ file: 'guest', line: 3, column: 17 });
    expect(WAT.split('\n')[2]!.slice(guest!.column - 1, guest!.endColumn! - 1)).toBe('"run"');
    expect(guest!.message).toBe('export "run" has the core type `(result i64)`, but the world\'s run needs `(result i32)` (the canonical ABI\'s lowering of `export run: func() -> string;`).');
    expect(wit).toMatchObject({ file: 'wit', line: 5, column: 10 });
    expect(wit!.message).toContain('this lowers to `(result i32)`');
  });

  it('says which export is missing, on the WIT line that declares it', () => {
    const d = locateExportMismatch(MISSING, WAT, WIT)!;
    expect(d.map((x) => x.file)).toEqual(['guest', 'wit']);
    expect(d[1]).toMatchObject({ line: 6, column: 10 });
    expect(d[0]!.message).toContain('the module has no (export "add")');
  });

  it('marks a near-miss export name where it is written and says the name the world wants', () => {
    const missingRun = wrapped('    1: failed to find export of function `run`');
    const wat = ';; a core module\n(module\n  (memory (export "memory") 1)\n  (func (export "Run") (result i32)\n    (i32.const 0)))\n';
    const [guest, wit] = locateExportMismatch(missingRun, wat, WIT)!;
    expect(guest).toMatchObject({ file: 'guest', line: 4, column: 17 });
    expect(wat.split('\n')[3]!.slice(guest!.column - 1, guest!.endColumn! - 1)).toBe('"Run"');
    expect(guest!.message).toBe('found (export "Run"): did you mean "run"? The world exports run, but the module has no (export "run") (export names must match exactly, letter case too).');
    expect(wit).toMatchObject({ file: 'wit', line: 5, column: 10 });
    expect(wit!.message).toContain('it has (export "Run") on line 4: did you mean "run"?');
  });

  it('puts a missing export with no near miss on the (module line, not on a comment above it', () => {
    const d = locateExportMismatch(MISSING, `;; a comment\n${WAT}`, WIT)!;
    expect(d[0]).toMatchObject({ file: 'guest', line: 2, column: 1 });
  });

  it('finds an interface export by its function name in the WIT', () => {
    const msg = wrapped('    3: type mismatch for function `wasi:messaging/incoming-handler@0.2.0-draft#handle`: expected `[I32] -> [I32]` but found `[] -> [I32]`');
    const wat = '(module\n  (func (export "wasi:messaging/incoming-handler@0.2.0-draft#handle") (result i32) (i32.const 0)))';
    const wit = 'package x:y;\ninterface incoming-handler {\n  handle: func(m: message) -> result;\n}\n';
    const [guest, w] = locateExportMismatch(msg, wat, wit)!;
    expect(guest).toMatchObject({ line: 2, column: 17 });
    expect(w).toMatchObject({ file: 'wit', line: 3, column: 3 });
  });

  it('leaves other errors alone', () => {
    expect(locateExportMismatch('import interface `a:b/c` is missing function `d`', WAT, WIT)).toBeUndefined();
  });
});

describe('asWat', () => {
  it('writes core signatures as WAT does', () => {
    expect(asWat('[I32, I32] -> [I64]')).toBe('`(param i32 i32) (result i64)`');
    expect(asWat('[] -> []')).toBe('`(no params, no result)`');
  });
});
