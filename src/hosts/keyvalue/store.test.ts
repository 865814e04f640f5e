import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HostError } from '../hostContract';
import { keyvalueDraft2Host, keyvalueDraftHost, LIST_KEYS_PAGE_SIZE } from './index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace } from './createTestHost';

describe('wasi:keyvalue store', () => {
  it('gets, sets, deletes and checks existence', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('orders');
    expect(await bucket.get('a')).toBeUndefined();
    expect(await bucket.exists('a')).toBe(false);
    await bucket.set('a', bytes('one'));
    expect(text(await bucket.get('a'))).toBe('one');
    expect(await bucket.exists('a')).toBe(true);
    await bucket.set('a', bytes('two'));
    expect(text(await bucket.get('a'))).toBe('two');
    await bucket.delete('a');
    expect(await bucket.get('a')).toBeUndefined();
    await bucket.delete('never-there'); // deleting a missing key is not an error
  });

  it('keeps buckets apart and copies values so later buffer reuse cannot alter them', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const a = await kv.store.open('a');
    const b = await kv.store.open('b');
    const buffer = bytes('original');
    const pending = a.set('k', buffer);
    buffer.fill(0x21); // the guest reuses its memory before the write commits
    await pending;
    expect(text(await a.get('k'))).toBe('original');
    expect(await b.get('k')).toBeUndefined();
    const read = await a.get('k');
    read!.fill(0);
    expect(text(await a.get('k'))).toBe('original');
  });

  it('pages list-keys over 250 keys with string cursors (draft2)', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('many');
    const expected = Array.from({ length: 250 }, (_, i) => `key-${String(i).padStart(3, '0')}`);
    for (const key of [...expected].reverse()) await bucket.set(key, bytes(key));
    await (await kv.store.open('other')).set('key-000x', bytes('elsewhere'));
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | bigint | undefined;
    do {
      const page = await bucket.listKeys(cursor);
      seen.push(...page.keys);
      sizes.push(page.keys.length);
      cursor = page.cursor;
      if (cursor !== undefined) expect(typeof cursor).toBe('string');
    } while (cursor !== undefined);
    expect(sizes).toEqual([LIST_KEYS_PAGE_SIZE, LIST_KEYS_PAGE_SIZE, 50]);
    expect(seen).toEqual(expected);
  });

  it('pages list-keys over 250 keys with u64 offset cursors (draft)', async () => {
    const kv = await createImports(keyvalueDraftHost, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('many');
    await kv.batch.setMany(bucket, Array.from({ length: 250 }, (_, i): [string, Uint8Array] => [`k${1000 + i}`, bytes('v')]));
    const first = await bucket.listKeys();
    expect(first.keys).toHaveLength(100);
    expect(first.cursor).toBe(100n);
    const second = await bucket.listKeys(first.cursor);
    expect(second.keys[0]).toBe('k1100');
    expect(second.cursor).toBe(200n);
    const third = await bucket.listKeys(second.cursor);
    expect(third.keys).toHaveLength(50);
    expect(third.keys.at(-1)).toBe('k1249');
    expect(third.cursor).toBeUndefined();
    expect((await bucket.listKeys(1000n)).keys).toEqual([]);
  });

  it('returns an empty page without cursor for an empty bucket', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    expect(await (await kv.store.open('empty')).listKeys()).toEqual({ keys: [], cursor: undefined });
  });

  it('rejects buckets outside the configured list with no-such-store', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace(), 'g', ['orders']).ctx);
    await expect(kv.store.open('orders')).resolves.toBeDefined();
    const error = await kv.store.open('users').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).payload).toEqual({ tag: 'no-such-store' });
    expect((error as HostError).message).toContain('"users"');
  });
});
