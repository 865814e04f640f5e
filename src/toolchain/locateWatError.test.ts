import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { locateWatError } from './locateWatError';

async function errorOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected an error');
}

describe('locateWatError', () => {
  it('points at the bad token of a WAT syntax error', async () => {
    const wat = '(module\n  (func (export "x")\n   (foo)))';
    const d = locateWatError(await errorOf(() => parse(wat)), wat);
    expect(d).toMatchObject({ file: 'guest', line: 3, column: 5, endColumn: 8 });
    expect(d.message).toContain('unknown operator');
  });

  it('points at the function that fails validation', async () => {
    const wat = '(module\n  (import "env" "f" (func))\n  (func $ok)\n  (func $bad (export "x")\n    i32.const 1\n    i32.add\n    drop))';
    const bin = await parse(wat);
    const msg = await errorOf(() => WebAssembly.compile(bin as BufferSource));
    const d = locateWatError(msg, wat, bin);
    expect(d).toMatchObject({ file: 'guest', line: 4, column: 3 });
    expect(d.message).toContain('i32.add');
  });

  it('falls back to a build diagnostic with the cleaned message', () => {
    const d = locateWatError('failed to encode a component from module\n$failed to decode world\n\nCaused by:\n    0: module was not valid\n    1: failed to find export of function `x`', '');
    expect(d.file).toBe('build');
    expect(d.message).toBe('failed to decode world: module was not valid: failed to find export of function `x`');
  });
});
