import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { moduleInterface } from './moduleInterface';

const hex = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('hex') : 'none');
const iface = async (wat: string) => hex(moduleInterface(await parse(wat)));

const base = `(module
  (import "host" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "run") (result i32) i32.const 1)
  (data (i32.const 16) "hello"))`;

describe('moduleInterface', () => {
  it('ignores bodies, data, helper functions and new types', async () => {
    const same = [
      base.replace('i32.const 1', 'i32.const 2'),
      base.replace('"hello"', '"bye"'),
      base.replace('(data', '(func $helper (param f64) (result f64) local.get 0)\n  (data'),
      base.replace('(memory', '(func $first (result i64) i64.const 9)\n  (memory'),
    ];
    const want = await iface(base);
    expect(want).not.toBe('none');
    for (const wat of same) expect(await iface(wat), wat).toBe(want);
  });

  it('differs when an import, an export or an exported type changes', async () => {
    const want = await iface(base);
    const other = [
      base.replace('"log"', '"print"'),
      base.replace('(param i32 i32)', '(param i32)'),
      base.replace('(export "run")', '(export "start")'),
      base.replace('(result i32) i32.const 1', '(result i64) i64.const 1'),
      base.replace('(memory (export "memory") 1)', '(memory (export "memory") 2)'),
      base.replace('(data', '(func (export "more"))\n  (data'),
    ];
    for (const wat of other) expect(await iface(wat), wat).not.toBe(want);
  });

  it('is undefined for bytes it cannot read', () => {
    expect(moduleInterface(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x7f))).toBeUndefined();
    expect(moduleInterface(Uint8Array.of(1, 2, 3))).toBeUndefined();
  });
});
