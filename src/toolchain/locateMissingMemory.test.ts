import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWit, type WorldAnalysis } from './analyzeWit';
import { buildComponent } from './buildComponent';
import { locateMissingMemory } from './locateMissingMemory';

// Verbatim from componentNew (jco-transpile's wasm-tools).
const NO_MEMORY = 'failed to encode a component from module\n$module does not export a memory named `memory`';
const NO_REALLOC = 'failed to encode a component from module\n$module does not export a function named `cabi_realloc`';
const STRING_WIT = 'package learn:abi;\n\n/// run: the string\nworld abi {\n  export run: func() -> string;\n}\n';
const RUN = '  (func (export "run") (result i32)\n    (i32.const 0)))\n';

function worldOf(wit: string): WorldAnalysis {
  const a = analyzeWit(wit);
  if (!a.ok) throw new Error(a.diagnostics[0]!.message);
  return a.world;
}

const locate = (message: string, wat: string, wit: string) => locateMissingMemory(message, wat, wit, worldOf(wit));

describe('locateMissingMemory', () => {
  it('says why a module without memory cannot return a string, and what to add, on its (module line', () => {
    const wat = `;; (memory 1) in a comment is no memory\n(module\n${RUN}`;
    const [guest, wit] = locate(NO_MEMORY, wat, STRING_WIT)!;
    expect(guest).toMatchObject({ file: 'guest', line: 2, column: 1 });
    expect(guest!.message).toBe(
      '`run` returns a `string`: by the canonical ABI a string crosses as a pointer and a length into the guest\'s linear memory, which the host reaches through the module\'s export named "memory"; this module has no memory. Add `(memory (export "memory") 1)` (one 64 KiB page) inside (module …).',
    );
    // The WIT function is marked too, as the same mistake (Check lists it once).
    expect(wit).toMatchObject({ file: 'wit', line: 5, column: 10, companion: true });
    expect(wit!.message).toContain('its result `string` crosses through the guest\'s linear memory');
  });

  it('marks a memory that is not exported and shows it exported', () => {
    const wat = `(module\n  (memory $m 1 2) ;; two pages at most\n${RUN}`;
    const [guest] = locate(NO_MEMORY, wat, STRING_WIT)!;
    expect(guest).toMatchObject({ file: 'guest', line: 2, column: 3, endColumn: 10 });
    expect(guest!.message).toMatch(/^this memory is not exported, but `run` returns a `string`: /);
    expect(guest!.message).toContain('Export it: `(memory $m (export "memory") 1 2)`.');
  });

  it('marks a memory exported under another name on that name', () => {
    for (const wat of [`(module\n  (memory (export "mem") 1)\n${RUN}`, `(module\n  (memory 1)\n  (export "mem" (memory 0))\n${RUN}`]) {
      const [guest] = locate(NO_MEMORY, wat, STRING_WIT)!;
      const line = wat.split('\n')[guest!.line - 1]!;
      expect(line.slice(guest!.column - 1, guest!.endColumn! - 1)).toBe('"mem"');
      expect(guest!.message).toMatch(/^the memory is exported as "mem", but the canonical ABI looks for it by the exact name "memory": `run` returns a `string`/);
    }
  });

  it('names a list result and an import taking a string; a shipped interface gets no WIT marker', () => {
    const lists = locate(NO_MEMORY, `(module\n${RUN}`, 'package a:b;\nworld w {\n  export run: func() -> list<u8>;\n}\n')!;
    expect(lists[0]!.message).toMatch(/^`run` returns a `list<u8>`: by the canonical ABI a list crosses/);
    const log = locate(NO_MEMORY, `(module\n  (import "$root" "log" (func (param i32 i32)))\n${RUN}`, 'package a:b;\nworld w {\n  import log: func(msg: string);\n  export run: func() -> u32;\n}\n')!;
    expect(log[0]!.message).toMatch(/^`log` takes `msg: string`: /);
    expect(log[1]).toMatchObject({ file: 'wit', line: 3 });
    const kvWit = 'package a:b;\nworld w {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  export run: func() -> u32;\n}\n';
    const kv = locate(NO_MEMORY, `(module\n  (import "wasi:keyvalue/store@0.2.0-draft2" "open" (func (param i32 i32 i32)))\n${RUN}`, kvWit)!;
    expect(kv.map((d) => d.file)).toEqual(['guest']);
    expect(kv[0]!.message).toMatch(/^`open` takes `identifier: string`: /);
  });

  it('says what a missing cabi_realloc is for', () => {
    const wit = 'package a:b;\nworld w {\n  export greet: func(name: string) -> u32;\n}\n';
    const [guest] = locate(NO_REALLOC, `(module\n  (memory (export "memory") 1)\n  (func (export "greet") (param i32 i32) (result i32)\n    (i32.const 0)))\n`, wit)!;
    expect(guest).toMatchObject({ file: 'guest', line: 1 });
    expect(guest!.message).toMatch(/^`greet` takes `name: string`: by the canonical ABI the host copies a string argument into the guest's linear memory, at an address the module's `cabi_realloc` export allocates; this module exports none\. Add an allocator: `\(func \(export "cabi_realloc"\)/);
  });

  it('falls back to the rule when no signature visibly holds a string or list, and leaves other errors alone', () => {
    const [guest] = locate(NO_MEMORY, `(module\n${RUN}`, 'package a:b;\nworld w {\n  export run: func() -> option<u32>;\n}\n')!;
    expect(guest!.message).toMatch(/^This world's functions need the guest's linear memory \(by the canonical ABI strings, lists and results of more than one value cross as pointers into it\)/);
    expect(locate('failed to find export of function `run`', `(module\n${RUN}`, STRING_WIT)).toBeUndefined();
  });
});

describe('a WAT guest without an exported memory, built', () => {
  const lesson = (name: string) => readFileSync(new URL(`../learn/lessons/abi/${name}`, import.meta.url), 'utf8');

  it('is told why at the memory line, not "module does not export a memory" at line 1', async () => {
    const starter = lesson('starter.wat');
    const unexported = starter.replace('(memory (export "memory") 1)', '(memory 1)');
    expect(unexported).not.toBe(starter);
    const r = await buildComponent(lesson('world.wit'), { lang: 'wat', source: unexported });
    expect(r.ok).toBe(false);
    const [guest, wit] = r.ok ? [] : r.diagnostics;
    expect(guest).toMatchObject({ file: 'guest', line: 3, column: 3 });
    expect(guest!.message).toContain('this memory is not exported, but `run` returns a `string`');
    expect(guest!.message).toContain('Export it: `(memory (export "memory") 1)`.');
    expect(wit).toMatchObject({ file: 'wit', companion: true });
  }, 60_000);
});
