import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { explainResultOutsideMemory } from './explainExportResult';

/** Lesson 2's guest (src/learn/lessons/abi) with the pointer and length it writes to its return area. */
const lesson = (ptr: number, len: number) => `(module
  (memory (export "memory") 1)
  (data (i32.const 16) "wasm components speak WIT")
  (func (export "run") (result i32)
    (i32.store (i32.const 0) (i32.const ${ptr}))
    (i32.store (i32.const 4) (i32.const ${len}))
    (i32.const 0)))`;

/**
 * Runs the guest and lifts its string as jco's bindings do (`new Uint8Array(memory.buffer,
 * ptr, len)` over the return area it names): V8's own error, as the run worker gets it.
 */
async function liftError(ptr: number, len: number): Promise<unknown> {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module((await parse(lesson(ptr, len))) as BufferSource));
  const memory = exports.memory as WebAssembly.Memory;
  const ret = (exports.run as () => number)();
  const view = new DataView(memory.buffer);
  try {
    new TextDecoder().decode(new Uint8Array(memory.buffer, view.getInt32(ret, true), view.getInt32(ret + 4, true)));
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('explainResultOutsideMemory', () => {
  it('says a string result past the end of memory in the canonical ABI\'s terms (QA #4a: "Invalid typed array length: 10")', async () => {
    const e = await liftError(70000, 10);
    expect(e).toBeInstanceOf(RangeError);
    expect((e as Error).message).toBe('Invalid typed array length: 10');
    expect(explainResultOutsideMemory(e, 'run', 'string', 65_536)).toBe(
      '`run` returned a string whose 10 bytes do not fit in its memory of 65536 bytes (1 page of 64 KiB). By the canonical ABI the return area holds the string\'s pointer (bytes 0–3) and its length (bytes 4–7): the bytes from the pointer to pointer + length must lie within the memory',
    );
  });
  it('says the same of a length too long', async () => {
    expect(explainResultOutsideMemory(await liftError(16, 70000), 'run', 'string', 65_536)).toMatch(/^`run` returned a string whose 70000 bytes do not fit in its memory of 65536 bytes/);
  });
  it('names another result type as WIT writes it', async () => {
    expect(explainResultOutsideMemory(await liftError(70000, 10), 'read', 'list<u8>', 131_072)).toMatch(/^`read` returned a result \(WIT `list<u8>`\) of length 10 that does not fit in its memory of 131072 bytes \(2 pages of 64 KiB\)\. By the canonical ABI the return area holds its pointers and lengths/);
  });
  it('leaves other errors, and ones raised while the guest ran (an import\'s argument), to describeError', () => {
    expect(explainResultOutsideMemory(new TypeError('x is not a function'), 'run', 'string', 65_536)).toBeUndefined();
    const fromWasm = new RangeError('Invalid typed array length: 10');
    fromWasm.stack = 'RangeError: Invalid typed array length: 10\n    at new Uint8Array (<anonymous>)\n    at trampoline3 (blob:x:1:1)\n    at run (wasm://wasm/1e26313e:wasm-function[2]:0x40)';
    expect(explainResultOutsideMemory(fromWasm, 'run', 'string', 65_536)).toBeUndefined();
  });
});
