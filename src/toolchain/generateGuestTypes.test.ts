import { beforeAll, describe, expect, it } from 'vitest';
import { $init } from '@bytecodealliance/jco-transpile/component';
import { generateGuestTypes } from './generateGuestTypes';

const COUNTER = `package local:js-counter;
world counter {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export run: func() -> s64;
}`;

describe('generateGuestTypes', () => {
  beforeAll(async () => {
    await $init;
  });

  it('declares each imported interface as a module, with the WIT doc comments', () => {
    const files = new Map(generateGuestTypes(COUNTER));
    const store = files.get('interfaces/wasi-keyvalue-store.d.ts')!;
    expect(store).toContain("declare module 'wasi:keyvalue/store@0.2.0-draft2'");
    expect(store).toContain('set(key: string, value: Uint8Array): void;');
    expect(store).toMatch(/\* Open the bucket named by `identifier`\.\s*\*\/\s*export function open\(identifier: string\): Bucket;/);
    expect(files.get('interfaces/wasi-keyvalue-atomics.d.ts')).toContain('export function increment(bucket: Bucket, key: string, delta: bigint): bigint;');
  });

  it('gives nothing for WIT that does not analyse', () => {
    expect(generateGuestTypes('package local:x;\nworld w { import wasi:nothing/here@1.0.0; }')).toBeUndefined();
    expect(generateGuestTypes('world {')).toBeUndefined();
  });
});
