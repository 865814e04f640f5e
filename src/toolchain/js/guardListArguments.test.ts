import { describe, expect, it } from 'vitest';
import { guardListArguments } from './guardListArguments';

// The shape componentize-js 0.23 generates for `[method]bucket.set(key: string, value: list<u8>)`.
const SET = `  set(arg0, arg1) {
      var val3 = arg2;
      var len3 = Array.isArray(val3) ? val3.length : val3.byteLength;
      var ptr3 = $realloc(0, 0, 1, len3 * 1);
      if (Array.isArray(val3)) {
        for (const v of val3) {
          _requireValidNumericPrimitive.bind(null, 'u8')(v);
        }
      }
  }`;

/** The guarded length line run on `value`, as the engine would run it. */
function lengthOf(value: unknown): number {
  const code = guardListArguments(SET);
  const guard = code.slice(0, code.indexOf('  set('));
  const line = /var len3 = (.*);/.exec(code)![1]!;
  return new Function('val3', `${guard}\nreturn ${line};`)(value) as number;
}

describe('guardListArguments', () => {
  it('keeps the length of arrays, typed arrays and buffers as the bindings computed it', () => {
    expect(lengthOf([1, 2, 3])).toBe(3);
    expect(lengthOf(new Uint8Array(5))).toBe(5);
    expect(lengthOf(new Uint16Array(2))).toBe(4);
    expect(lengthOf(new ArrayBuffer(7))).toBe(7);
    expect(lengthOf(new DataView(new ArrayBuffer(2)))).toBe(2);
  });

  it('throws for a value that the bindings would have lowered as an empty list, naming the list type', () => {
    expect(() => lengthOf('hello')).toThrow(/^expected a Uint8Array or an array of numbers for a list<u8>, received a string \(encode text first: new TextEncoder\(\)\.encode\(text\)\)$/);
    expect(() => lengthOf(42)).toThrow(/received a number$/);
    expect(() => lengthOf({ length: 2 })).toThrow(/received an object$/);
    expect(() => lengthOf(null)).toThrow(/received null$/);
    expect(() => lengthOf(undefined)).toThrow(/received undefined$/);
  });

  it('leaves bindings without such a line untouched', () => {
    const other = 'function f(s) { return _utf8AllocateAndEncode(s); }';
    expect(guardListArguments(other)).toBe(other);
  });
});
