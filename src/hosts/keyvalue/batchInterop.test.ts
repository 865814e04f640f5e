import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORE_FULL_TEXT } from '../idb';
import { HostError } from '../hostContract';
import { keyvalueDraft2Host, keyvalueDraftHost } from './index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace } from './createTestHost';

afterEach(() => vi.restoreAllMocks());

describe('wasi:keyvalue batch and cross-version storage', () => {
  it('get-many returns pairs in request order with undefined for missing keys', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('b');
    await kv.batch.setMany(bucket, [['x', bytes('1')], ['y', bytes('2')], ['z', bytes('3')]]);
    const got = await kv.batch.getMany(bucket, ['z', 'missing', 'x']);
    expect(got.map((entry) => entry && [entry[0], text(entry[1])])).toEqual([['z', '3'], undefined, ['x', '1']]);
    await kv.batch.deleteMany(bucket, ['x', 'z', 'missing']);
    expect((await bucket.listKeys()).keys).toEqual(['y']);
    expect(await kv.batch.getMany(bucket, [])).toEqual([]);
  });

  it('a draft guest and a draft2 guest see the same bucket', async () => {
    const namespace = uniqueNamespace();
    const draft = await createImports(keyvalueDraftHost, makeTestContext(namespace, 'old').ctx);
    const draft2 = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'new').ctx);
    const oldBucket = await draft.store.open('shared');
    const newBucket = await draft2.store.open('shared');
    await oldBucket.set('greeting', bytes('hello from draft'));
    expect(text(await newBucket.get('greeting'))).toBe('hello from draft');
    await draft.atomics.increment(oldBucket, 'visits', 7n);
    expect(await draft2.atomics.increment(newBucket, 'visits', -2n)).toBe(5n);
    await newBucket.delete('greeting');
    expect(await oldBucket.exists('greeting')).toBe(false);
  });

  it('a quota failure gives clear text and rolls back the whole write', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('full');
    await bucket.set('kept', bytes('safe'));
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    // The second put of the batch hits the quota, after the first one already ran.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const error = (await kv.batch
      .setMany(bucket, [['kept', bytes('overwritten')], ['new', bytes('x')]])
      .catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.payload).toEqual({ tag: 'other', val: STORE_FULL_TEXT });
    expect(STORE_FULL_TEXT).toMatch(/^store full/);
    vi.restoreAllMocks();
    expect(text(await bucket.get('kept'))).toBe('safe');
    expect(await bucket.exists('new')).toBe(false);
  });

  it('a transaction aborted by the browser with QuotaExceededError maps to the same error', async () => {
    const kv = await createImports(keyvalueDraft2Host, makeTestContext(uniqueNamespace()).ctx);
    const bucket = await kv.store.open('full');
    await kv.atomics.increment(bucket, 'n', 1n);
    const realPut = IDBObjectStore.prototype.put;
    // Simulates the asynchronous path: the request is issued, then the transaction aborts.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      const tx = this.transaction;
      Object.defineProperty(tx, 'error', { value: new DOMException('quota', 'QuotaExceededError') });
      tx.abort();
      return request;
    });
    const error = (await kv.atomics.increment(bucket, 'n', 1n).catch((e: unknown) => e)) as HostError;
    expect(error.payload).toEqual({ tag: 'other', val: STORE_FULL_TEXT });
    vi.restoreAllMocks();
    expect(text(await bucket.get('n'))).toBe('1');
  });
});
