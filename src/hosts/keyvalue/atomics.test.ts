import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HostError } from '../hostContract';
import { keyvalueDraft2Host, keyvalueDraftHost } from './index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace, type TestCas } from './createTestHost';

describe('wasi:keyvalue atomics', () => {
  it('increment creates the key with delta, accumulates, and accepts negative s64 deltas', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('counters');
    expect(await kv.atomics.increment(bucket, 'hits', 5n)).toBe(5n);
    expect(await kv.atomics.increment(bucket, 'hits', 10n)).toBe(15n);
    expect(await kv.atomics.increment(bucket, 'hits', -20n)).toBe(-5n);
    // Stored as decimal text so plain get/set users can read it.
    expect(text(await bucket.get('hits'))).toBe('-5');
    await bucket.set('seeded', bytes('41'));
    expect(await kv.atomics.increment(bucket, 'seeded', 1n)).toBe(42n);
  });

  it('refuses to increment non-numeric values and overflow, leaving the value unchanged', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('counters');
    await bucket.set('name', bytes('alice'));
    const error = (await kv.atomics.increment(bucket, 'name', 1n).catch((e: unknown) => e)) as HostError;
    expect(error.payload).toMatchObject({ tag: 'other', val: expect.stringContaining('not a decimal integer') });
    expect(text(await bucket.get('name'))).toBe('alice');
    await bucket.set('big', bytes(String(2n ** 63n - 1n)));
    const overflow = (await kv.atomics.increment(bucket, 'big', 1n).catch((e: unknown) => e)) as HostError;
    expect(overflow.payload).toMatchObject({ tag: 'other', val: expect.stringContaining('s64 range') });
    expect(text(await bucket.get('big'))).toBe(String(2n ** 63n - 1n));
  });

  it('concurrent increments from many parallel calls and two instances end at the exact sum', async () => {
    const namespace = uniqueNamespace();
    const one = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'worker-a').ctx);
    const two = await createImports(keyvalueDraftHost, makeTestContext(namespace, 'worker-b').ctx);
    const [b1, b2] = await Promise.all([one.store.open('c'), two.store.open('c')]);
    const calls: Promise<bigint>[] = [];
    for (let i = 1; i <= 60; i++) {
      calls.push(one.atomics.increment(b1, 'n', BigInt(i)));
      calls.push(two.atomics.increment(b2, 'n', 1n));
    }
    const results = await Promise.all(calls);
    expect(await one.atomics.increment(b1, 'n', 0n)).toBe(1830n + 60n);
    // Every call saw a distinct intermediate value: no update was lost.
    expect(new Set(results).size).toBe(results.length);
  });

  it('draft increment is u64 and refuses to go below zero', async () => {
    const kv = await createImports(keyvalueDraftHost, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('counters');
    expect(await kv.atomics.increment(bucket, 'u', 2n ** 63n)).toBe(2n ** 63n);
    await bucket.set('neg', bytes('-3'));
    const error = (await kv.atomics.increment(bucket, 'neg', 1n).catch((e: unknown) => e)) as HostError;
    expect(error.payload).toMatchObject({ tag: 'other', val: expect.stringContaining('u64 range') });
    expect('Cas' in kv.atomics).toBe(false);
  });

  it('cas swap succeeds when unchanged and fails with a refreshed handle otherwise', async () => {
    const namespace = uniqueNamespace();
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(namespace).ctx);
    const other = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'guest-2').ctx);
    const bucket = await kv.store.open('docs');
    const missing = await kv.atomics.Cas.new(bucket, 'doc');
    expect(missing.current()).toBeUndefined();
    await kv.atomics.swap(missing, bytes('v1'));
    expect(text(await bucket.get('doc'))).toBe('v1');

    const stale = await kv.atomics.Cas.new(bucket, 'doc');
    expect(text(stale.current())).toBe('v1');
    await (await other.store.open('docs')).set('doc', bytes('v2'));
    const error = (await kv.atomics.swap(stale, bytes('mine')).catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    const payload = error.payload as { tag: string; val: TestCas };
    expect(payload.tag).toBe('cas-failed');
    expect(text(payload.val.current())).toBe('v2');
    expect(text(await bucket.get('doc'))).toBe('v2');
    await kv.atomics.swap(payload.val, bytes('v3'));
    expect(text(await bucket.get('doc'))).toBe('v3');
  });

  it('a cas retry loop appends exactly once per writer under contention', async () => {
    const namespace = uniqueNamespace();
    const writers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((g) => createImports(keyvalueDraft2Host, makeTestContext(namespace, g).ctx)),
    );
    const appendOnce = async (kv: (typeof writers)[number], letter: string) => {
      const bucket = await kv.store.open('log');
      let cas = await kv.atomics.Cas.new(bucket, 'line');
      for (;;) {
        try {
          return await kv.atomics.swap(cas, bytes((text(cas.current()) ?? '') + letter));
        } catch (error) {
          const payload = (error as HostError).payload as { tag: string; val: TestCas };
          if (payload.tag !== 'cas-failed') throw error;
          cas = payload.val;
        }
      }
    };
    await Promise.all(writers.flatMap((kv, i) => [appendOnce(kv, 'abcd'[i]), appendOnce(kv, 'ABCD'[i])]));
    const line = text(await (await writers[0].store.open('log')).get('line'))!;
    expect([...line].sort().join('')).toBe('ABCDabcd');
  });
});
