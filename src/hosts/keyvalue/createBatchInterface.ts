import type { BucketResource } from './createStoreInterface';
import { hostCall, publishChanges, type KvHostState } from './kvHostState';

/**
 * Builds `batch`. The WIT allows partial results on failure. On the browser backend each
 * call runs in one IndexedDB transaction, which is stronger (all or none); on NATS keys are
 * written one by one, which is what the WIT promises.
 */
export function createBatchInterface(state: KvHostState) {
  const { kv } = state;

  function getMany(bucket: BucketResource, keys: string[]): Promise<Array<[string, Uint8Array] | undefined>> {
    return hostCall(state, async () => {
      const values = await kv.getMany(bucket.name, keys);
      return values.map((value, i): [string, Uint8Array] | undefined => (value === undefined ? undefined : [keys[i], value]));
    });
  }

  function setMany(bucket: BucketResource, keyValues: Array<[string, Uint8Array]>): Promise<void> {
    // Copy now: the guest may reuse its memory while the transaction is pending.
    const pairs = keyValues.map(([key, value]): [string, Uint8Array] => [key, new Uint8Array(value)]);
    return hostCall(state, async () => {
      await kv.putMany(bucket.name, pairs);
      publishChanges(
        state,
        pairs.map(([key, value]) => ({ op: 'set' as const, bucket: bucket.name, key, value })),
      );
    });
  }

  function deleteMany(bucket: BucketResource, keys: string[]): Promise<void> {
    return hostCall(state, async () => {
      const existed = await kv.deleteMany(bucket.name, keys);
      publishChanges(
        state,
        existed.map((key) => ({ op: 'delete' as const, bucket: bucket.name, key })),
      );
    });
  }

  return { getMany, setMany, deleteMany };
}
