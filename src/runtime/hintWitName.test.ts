import { describe, expect, it } from 'vitest';
import type { JsImportName } from '../protocol/buildProtocol';
import { hintWitName } from './hintWitName';

const NAMES: JsImportName[] = [
  { name: 'open', from: 'wasi:keyvalue/store@0.2.0-draft2' },
  { name: 'Bucket', from: 'wasi:keyvalue/store@0.2.0-draft2', methods: ['get', 'set', 'listKeys'] },
  { name: 'increment', from: 'wasi:keyvalue/atomics@0.2.0-draft2' },
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
