import { describe, expect, it } from 'vitest';
import type { JsImportName } from '../protocol/buildProtocol';
import { hintWitCall, hintWitName } from './hintWitName';

const NAMES: JsImportName[] = [
  { name: 'open', from: 'wasi:keyvalue/store@0.2.0-draft2', params: 'identifier: string' },
  {
    name: 'Bucket',
    from: 'wasi:keyvalue/store@0.2.0-draft2',
    methods: [
      { name: 'get', params: 'key: string' },
      { name: 'set', params: 'key: string, value: list<u8>' },
      { name: 'listKeys', params: 'cursor: option<string>' },
    ],
  },
  { name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2', params: 'bucket: borrow<bucket>, key: string, delta: s64' },
];

describe('hintWitName', () => {
  it('says a freestanding function was called as a method, and how to call it', () => {
    expect(hintWitName('bucket.increment is not a function', NAMES)).toBe(
      "`increment` is a function of `wasi:keyvalue/atomics@0.2.0-draft2`, not a method: import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2' and call increment(bucket, …).",
    );
    expect(hintWitName('TypeError: this.bucket.increment is not a function', NAMES)).toContain('call increment(this.bucket, …)');
  });

  it('says a method was called as a function or on something that is not its resource', () => {
    expect(hintWitName('get is not defined', NAMES)).toBe('`get` is a method of the resource `Bucket` (`wasi:keyvalue/store@0.2.0-draft2`), not a function: call it on a Bucket, as in `value.get(…)`.');
    expect(hintWitName('TypeError: store.listKeys is not a function', NAMES)).toContain('and `store` is no Bucket');
  });

  it('says which import a used but unimported function needs', () => {
    expect(hintWitName('ReferenceError: open is not defined', NAMES)).toBe("`open` is not imported: add import { open } from 'wasi:keyvalue/store@0.2.0-draft2'.");
  });

  it('says nothing about names the world does not offer or other exceptions', () => {
    expect(hintWitName('console.lg is not a function', NAMES)).toBeUndefined();
    expect(hintWitName('x is not defined', NAMES)).toBeUndefined();
    expect(hintWitName('Error: boom', NAMES)).toBeUndefined();
    expect(hintWitName('bucket.increment is not a function', [])).toBeUndefined();
  });
});

describe('hintWitCall', () => {
  it('names the call whose argument did not convert, with its WIT parameters and what each takes', () => {
    expect(hintWitCall('invalid BigInt syntax', '  import_wasi_keyvalue_atomics_0_2_0_draft2$increment@/initializer.js:671:83', NAMES)).toBe(
      'In the call to `increment(bucket: borrow<bucket>, key: string, delta: s64)` (`wasi:keyvalue/atomics@0.2.0-draft2`), an argument is not what its WIT type takes: an `s64` or `u64` takes a BigInt, such as 1n; a `string` takes a string.',
    );
    // A method's binding frame is its bare name (the engine's stack, verbatim).
    expect(hintWitCall('source array is too long', '  set@/initializer.js:377:12', NAMES)).toBe(
      'In the call to `set(key: string, value: list<u8>)`, a method of `Bucket` (`wasi:keyvalue/store@0.2.0-draft2`), an argument is not what its WIT type takes: a `list<u8>` takes a Uint8Array (new TextEncoder().encode(text) for text); a `string` takes a string.',
    );
    // The guarded bindings' words for text or a number given for a list (guardListArguments.ts), and an element out of range.
    expect(hintWitCall('TypeError: expected a Uint8Array or an array of numbers for a list<u8>, received a string', '  set@/initializer.js:384:12', NAMES)).toContain('`set(key: string, value: list<u8>)`');
    expect(hintWitCall('TypeError: invalid u8 value [300]', '  set@/initializer.js:392:12', NAMES)).toContain('`set(key: string, value: list<u8>)`');
    expect(hintWitCall('expected a string, received [number]', '  import_wasi_keyvalue_store_0_2_0_draft2$open@/initializer.js:122:41', NAMES)).toContain('`open(identifier: string)`');
  });

  it('says nothing for an error the host returned, a frame it cannot name, or no frame', () => {
    expect(hintWitCall('ComponentError: no such bucket', '  import_wasi_keyvalue_store_0_2_0_draft2$open@/initializer.js:122:41', NAMES)).toBeUndefined();
    expect(hintWitCall('invalid BigInt syntax', '  helper@/initializer.js:202:45', NAMES)).toBeUndefined();
    expect(hintWitCall('invalid BigInt syntax', undefined, NAMES)).toBeUndefined();
  });
});
