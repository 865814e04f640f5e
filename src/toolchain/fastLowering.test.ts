import { describe, expect, it } from 'vitest';
import { rangeWat, rangeWit } from '../../bench/rangeGuest';
import { replayWat, replayWit } from '../../bench/replayGuest';
import { kvOpsWat, kvOpsWit } from '../../bench/kvOpsGuest';
import { ASCII_LOOP_MAX, lowerFaster } from './fastLowering';
import { lightenJspiGlue } from './lightenJspiGlue';
import { glueOf } from './loadGlue.testing';


/** A guest memory with a bump `realloc` that grows the memory when needed (detaching its old buffer). */
function guestMemory(pages = 1) {
  const memory = new WebAssembly.Memory({ initial: pages });
  let heap = 8;
  const allocations: Array<[number, number]> = [];
  const realloc = (_old: number, _oldLen: number, _align: number, len: number): number => {
    const ptr = heap;
    heap += len;
    if (heap > memory.buffer.byteLength) memory.grow(Math.ceil((heap - memory.buffer.byteLength) / 65536));
    allocations.push([ptr, len]);
    return ptr;
  };
  return { memory, realloc, allocations };
}

/** `_utf8AllocateAndEncode` of the glue with the helpers it uses. */
function encoderOf(js: string) {
  const fn = /\n {2}function _utf8AllocateAndEncode\(s, realloc, memory\) \{\n[\s\S]*?\n {2}\}\n/.exec(js)![0];
  const helpers = js.includes('_wcpBytes') ? 'let _wcpU8 = new Uint8Array(0); const _wcpBytes = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);' : '';
  return new Function(`const TEXT_ENCODER_UTF8 = new TextEncoder(); ${helpers}\n${fn}\nreturn _utf8AllocateAndEncode;`)() as (
    s: string,
    realloc: (a: number, b: number, c: number, d: number) => number,
    memory: WebAssembly.Memory,
  ) => { ptr: number; len: number; codepoints: number };
}

const strings = [
  '',
  'k:000042',
  'a'.repeat(ASCII_LOOP_MAX),
  'b'.repeat(ASCII_LOOP_MAX + 1),
  'clé',
  'naïve café ñ',
  'ключ',
  '键值存储',
  'emoji 🎉 key',
  '🎉',
  'ascii then é',
  'lone \ud800 surrogate',
  'trailing \udc00',
  '\u007f\u0080\u07ff\u0800\uffff',
  `${'x'.repeat(ASCII_LOOP_MAX - 1)}é`,
];

describe('lowerFaster', () => {
  it('writes every string into guest memory as jco does: same bytes, lengths, code points and allocations', async () => {
    const js = lightenJspiGlue(await glueOf(rangeWit, rangeWat)).js;
    expect(js).toContain('_wcpBytes(memory)');
    const fast = encoderOf(js);
    const generated = encoderOf(await glueOf(rangeWit, rangeWat));
    for (const s of strings) {
      const a = guestMemory();
      const b = guestMemory();
      const got = fast(s, a.realloc, a.memory);
      const want = generated(s, b.realloc, b.memory);
      expect(got, JSON.stringify(s)).toEqual(want);
      expect(a.allocations, JSON.stringify(s)).toEqual(b.allocations);
      expect(new Uint8Array(a.memory.buffer, got.ptr, got.len)).toEqual(new TextEncoder().encode(s));
    }
  }, 60_000);

  it('follows the memory when realloc grows it, and fails like jco out of bounds', async () => {
    const fast = encoderOf(lightenJspiGlue(await glueOf(rangeWit, rangeWat)).js);
    const { memory, realloc } = guestMemory();
    fast('warm', realloc, memory);
    // Fill the first page so the next allocation grows the memory (a new buffer).
    realloc(0, 0, 1, 65536 - 20);
    const before = memory.buffer;
    const r = fast('after growth', realloc, memory);
    expect(memory.buffer).not.toBe(before);
    expect(new TextDecoder().decode(new Uint8Array(memory.buffer, r.ptr, r.len))).toBe('after growth');
    expect(() => fast('key', () => memory.buffer.byteLength - 1, memory)).toThrow(RangeError);
    expect(() => fast('key', () => -4, memory)).toThrow(RangeError);
  }, 60_000);

  it('copies a Uint8Array list<u8> with one set, and arrays, ArrayBuffers and other views as before', async () => {
    const js = lightenJspiGlue(await glueOf(replayWit, replayWat)).js;
    const block = /\n( *)var len(\d+) = Array\.isArray\(val\2\) [^\n]*\n[\s\S]*?\n\1\}\n/.exec(js)!;
    expect(block[0]).toContain('instanceof Uint8Array) _wcpBytes(memory0).set(');
    const n = block[2];
    const lower = new Function(
      `val${n}`,
      'realloc0',
      'memory0',
      `let _wcpU8 = new Uint8Array(0); const _wcpBytes = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);
       const _requireValidNumericPrimitive = () => true;
       ${block[0]}
       return [ptr${n}, len${n}];`,
    ) as (val: unknown, realloc: (a: number, b: number, c: number, d: number) => number, memory: WebAssembly.Memory) => [number, number];
    const bytes = new TextEncoder().encode('värde 🎉 ok');
    const backing = new Uint8Array(40);
    backing.set(bytes, 7);
    for (const val of [bytes, backing.subarray(7, 7 + bytes.length), Array.from(bytes), bytes.slice().buffer, new DataView(bytes.slice().buffer)]) {
      const { memory, realloc } = guestMemory();
      const [ptr, len] = lower(val, realloc, memory);
      expect(new Uint8Array(memory.buffer, ptr, len)).toEqual(bytes);
    }
    expect(() => lower(bytes, () => 65530, new WebAssembly.Memory({ initial: 1 }))).toThrow(RangeError);
  }, 60_000);

  it('lowers a list<string> in one plain loop with the same allocations, bytes, pointers and errors as jco', async () => {
    const generated = await glueOf(rangeWit, rangeWat);
    const js = lightenJspiGlue(generated).js;
    expect(js).toMatch(/\n *_wcpLowerStrings\(vec\d+, result\d+, realloc0, memory0\);/);
    // The get-keys lowering of each glue as a function of (list, realloc, memory), with its helpers.
    const lowering = (glue: string, fast: boolean) => {
      const loop = fast
        ? /\n( *)_wcpLowerStrings\(vec(\d+), result\2, realloc0, memory0\);/.exec(glue)!
        : /\n( *)for \(let i = 0; i < vec(\d+)\.length; i\+\+\) \{\n *const e = vec\2\[i\];\n *const base = result\2 \+ i \* 8;\n[\s\S]*?\n\1\}/.exec(glue)!;
      const n = loop[2];
      const helper = fast ? /\n {2}function _wcpLowerStrings\([\s\S]*?\n {2}\}\n/.exec(glue)![0] : '';
      return new Function(
        `vec${n}`,
        'realloc0',
        'memory0',
        `let dv = new DataView(new ArrayBuffer(0)); const dataView = mem => dv.buffer === mem.buffer ? dv : dv = new DataView(mem.buffer);
         const TEXT_ENCODER_UTF8 = new TextEncoder();
         let _wcpU8 = new Uint8Array(0); const _wcpBytes = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);
         ${encoderOf(glue).toString()}
         ${helper}
         const result${n} = realloc0(0, 0, 4, vec${n}.length * 8);
         ${loop[0]}
         return result${n};`,
      ) as (list: unknown[], realloc: (a: number, b: number, c: number, d: number) => number, memory: WebAssembly.Memory) => number;
    };
    const fast = lowering(js, true);
    const jco = lowering(generated, false);
    const lists: unknown[][] = [strings, Array.from({ length: 6000 }, (_, i) => `k:${String(i).padStart(6, '0')}`), []];
    for (const list of lists) {
      // One page of memory: the long list grows it (detaching the buffer) in the middle of the loop.
      const a = guestMemory();
      const b = guestMemory();
      const listA = fast(list, a.realloc, a.memory);
      const listB = jco(list, b.realloc, b.memory);
      expect(listA).toBe(listB);
      expect(a.allocations).toEqual(b.allocations);
      expect(new Uint8Array(a.memory.buffer)).toEqual(new Uint8Array(b.memory.buffer));
      const view = new DataView(a.memory.buffer);
      list.forEach((s, i) => {
        const [ptr, len] = [view.getUint32(listA + i * 8, true), view.getUint32(listA + i * 8 + 4, true)];
        expect(new Uint8Array(a.memory.buffer, ptr, len)).toEqual(new TextEncoder().encode(s as string));
      });
    }
    // Not a string: jco's TypeError; out of bounds: a RangeError, as jco's encoder fails.
    expect(() => fast(['ok', 7], guestMemory().realloc, guestMemory().memory)).toThrow(/expected a string/);
    const small = new WebAssembly.Memory({ initial: 1 });
    expect(() => fast(['key'], () => 65534, small)).toThrow(RangeError);
  }, 60_000);

  it('lifts string arguments to the same strings as jco, and fails like jco out of bounds', async () => {
    const js = lightenJspiGlue(await glueOf(kvOpsWit, kvOpsWat)).js;
    expect(js).not.toContain('TEXT_DECODER_UTF8.decode(new Uint8Array(memory0.buffer, ptr');
    expect(js).toContain('_wcpLiftString(memory0, ptr3, len3)');
    const fn = /\n {2}const _wcpCodes = \[\];\n {2}function _wcpLiftString\(memory, ptr, len\) \{\n[\s\S]*?\n {2}\}\n/.exec(js)![0];
    const lift = new Function(
      `const TEXT_DECODER_UTF8 = new TextDecoder(); let _wcpU8 = new Uint8Array(0); const _wcpBytes = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);\n${fn}\nreturn _wcpLiftString;`,
    )() as (memory: WebAssembly.Memory, ptr: number, len: number) => string;
    const jco = (memory: WebAssembly.Memory, ptr: number, len: number) => new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const samples = [...strings.map((t) => new TextEncoder().encode(t)), new Uint8Array([0xef, 0xbb, 0xbf, 0x6b]), new Uint8Array([0x00, 0x7f, 0x41]), new Uint8Array([0x6b, 0xff, 0xfe]), new Uint8Array([0xc3])];
    for (const bytes of samples) {
      new Uint8Array(memory.buffer).set(bytes, 100);
      expect(lift(memory, 100, bytes.length)).toBe(jco(memory, 100, bytes.length));
    }
    // After growth (the cached view is renewed), at the memory's end, and out of bounds.
    memory.grow(1);
    new Uint8Array(memory.buffer).set(new TextEncoder().encode('k-0042'), 131066);
    expect(lift(memory, 131066, 6)).toBe('k-0042');
    for (const [ptr, len] of [[131070, 6], [-1, 3], [131072, 1], [5, -1]] as const) {
      expect(() => lift(memory, ptr, len)).toThrow(RangeError);
      expect(() => jco(memory, ptr, len)).toThrow(RangeError);
    }
  }, 60_000);

  it('lifts byte list arguments to the same bytes as jco, each in an array of its own', async () => {
    const js = lightenJspiGlue(await glueOf(kvOpsWit, kvOpsWat)).js;
    expect(js).not.toMatch(/new Uint8Array\(memory\d+\.buffer\.slice\(ptr/);
    expect(js).toMatch(/_wcpLiftBytes\(memory0, ptr\d+, len\d+\)/);
    const fn = /\n {2}function _wcpLiftBytes\(memory, ptr, len\) \{\n[\s\S]*?\n {2}\}\n/.exec(js)![0];
    const lift = new Function(
      `let _wcpU8 = new Uint8Array(0); const _wcpBytes = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);\n${fn}\nreturn _wcpLiftBytes;`,
    )() as (memory: WebAssembly.Memory, ptr: number, len: number) => Uint8Array;
    const jco = (memory: WebAssembly.Memory, ptr: number, len: number) => new Uint8Array(memory.buffer.slice(ptr, ptr + len * 1));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const all = new Uint8Array(memory.buffer);
    for (let i = 0; i < all.length; i++) all[i] = (i * 7) & 255;
    // Short (copied here), at the limit, past it (jco's slice), after growth, at the end,
    // and ranges jco's slice clamps or counts from the end: the same bytes either way.
    const cases: Array<[number, number]> = [[100, 0], [100, 1], [100, 32], [100, ASCII_LOOP_MAX], [100, ASCII_LOOP_MAX + 1], [0, 5000], [65530, 6], [65530, 10], [-4, 3], [70000, 2]];
    for (const grown of [false, true]) {
      if (grown) memory.grow(1);
      for (const [ptr, len] of cases) {
        const got = lift(memory, ptr, len);
        expect(got).toEqual(jco(memory, ptr, len));
        expect(got.byteOffset).toBe(0);
        expect(got.buffer.byteLength).toBe(got.length);
      }
    }
    // A copy: the guest reusing its memory afterwards does not change what the host got.
    const got = lift(memory, 200, 16);
    const before = [...got];
    new Uint8Array(memory.buffer).fill(0, 200, 216);
    expect([...got]).toEqual(before);
  }, 60_000);

  it('leaves glue without jco expected text unchanged, and is idempotent', async () => {
    const js = lightenJspiGlue(await glueOf(rangeWit, rangeWat)).js;
    expect(lowerFaster(js)).toBe(js);
    expect(lowerFaster('export function instantiate() {}')).toBe('export function instantiate() {}');
  }, 60_000);
});
