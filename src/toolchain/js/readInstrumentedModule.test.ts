import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { instrumentModule, readInstrumentedModule, rewriteWithSnapshot } from './rewriteSnapshot';
import { SectionId, writeModule } from './wasmBinary';

const WAT = `(module
  (import "env" "g" (global $imported (mut i32)))
  (memory (export "memory") 1)
  (global $a (mut i32) (i32.const 1))
  (global $k i64 (i64.const 2))
  (global $b (mut f64) (f64.const 0))
  (data (i32.const 8) "hi")
  (func (export "run") (result i32) (global.get $a)))`;

describe('readInstrumentedModule', () => {
  it('reads back the original sections, layout and state exports from the instrumented module alone', async () => {
    const original = await parse(WAT);
    const made = instrumentModule(original);
    const back = readInstrumentedModule(made.instrumented);
    expect(back.globalExports).toEqual(made.globalExports);
    expect(back.memoryExports).toEqual(made.memoryExports);
    expect(back.layout).toEqual(made.layout);
    // Every section is the original's (the export section re-encoded to the same bytes here).
    expect(writeModule(back.sections)).toEqual(writeModule(made.sections));
    // And a snapshot written from either is the same module.
    const snapshot = { globals: new Map([[1, { type: 'i32' as const, value: 7 }]]), memoryPages: [1], segments: [] };
    expect(rewriteWithSnapshot(back, snapshot, [])).toEqual(rewriteWithSnapshot(made, snapshot, []));
  });

  it('drops an export section instrumentation added to a module that had none', async () => {
    const original = await parse('(module (memory 1) (global (mut i32) (i32.const 0)))');
    const back = readInstrumentedModule(instrumentModule(original).instrumented);
    expect(back.sections.some((s) => s.id === SectionId.export)).toBe(false);
    expect(writeModule(back.sections)).toEqual(original);
  });

  it('refuses a module that was not instrumented', async () => {
    expect(() => readInstrumentedModule(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).toThrow(/not an instrumented module/);
    const plain = await parse('(module (memory (export "m") 1) (global (mut i32) (i32.const 0)))');
    expect(() => readInstrumentedModule(plain)).toThrow(/not an instrumented module/);
  });
});
