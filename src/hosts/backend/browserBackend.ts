import { BlobStore } from '../blobstore/blobStore';
import {
  asBytes,
  bucketKeyRange,
  countKeysInRange,
  deleteEntries,
  deleteKeysInRange,
  getEntries,
  getEntry,
  hasEntry,
  listKeysFromOffset,
  listKeysInRange,
  putEntries,
  runKvTransaction,
  updateEntry,
} from '../idb';
import { createBus } from '../messaging/createBus';
import type { HostBackend, KvChange, KvStorage } from './backendTypes';

/**
 * The default backend: IndexedDB for key-value and blobs, BroadcastChannel for messages
 * and key-value change notices. Everything stays inside this browser profile (all its
 * workers and tabs), and works offline.
 */
export const browserBackend: HostBackend = {
  kind: 'browser',
  label: 'this browser',
  bus: (namespace) => createBus(namespace),
  kv: createBrowserKv,
  blobs: (namespace) => new BlobStore(namespace),
  refuses: () => undefined,
  close: async () => undefined,
};

/** Key-value storage over the shared `${namespace}-kv` IndexedDB store (src/hosts/idb). */
function createBrowserKv(namespace: string, origin: string): KvStorage {
  let channel: BroadcastChannel | undefined;
  const changeChannel = (): BroadcastChannel => {
    if (!channel) {
      channel = new BroadcastChannel(`${namespace}:kv-changes`);
      // Node (unit tests) keeps the process alive for an open channel; browsers have no unref.
      (channel as unknown as { unref?: () => void }).unref?.();
    }
    return channel;
  };
  return {
    get: (bucket, key) => getEntry(namespace, bucket, key),
    getMany: (bucket, keys) => getEntries(namespace, bucket, keys),
    has: (bucket, key) => hasEntry(namespace, bucket, key),
    putMany: (bucket, pairs) => putEntries(namespace, bucket, pairs),
    deleteMany: (bucket, keys) => deleteEntries(namespace, bucket, keys),
    // One readwrite IndexedDB transaction: serialized across workers and tabs, never retried.
    update: (bucket, key, step) => updateEntry(namespace, bucket, key, step),
    listKeys: (bucket, bounds, limit, reverse) => listKeysInRange(namespace, bucket, bounds, limit, reverse),
    listKeysFromOffset: (bucket, offset, limit) => listKeysFromOffset(namespace, bucket, offset, limit),
    countKeys: (bucket, bounds) => countKeysInRange(namespace, bucket, bounds),
    deleteRange: (bucket, bounds) => deleteKeysInRange(namespace, bucket, bounds),
    readRange: (bucket, bounds, limit) =>
      // getAllKeys and getAll over the same range in one transaction: one snapshot.
      runKvTransaction(namespace, 'readonly', (tx) => {
        const range = bucketKeyRange(bucket, bounds);
        tx.then(tx.store.getAllKeys(range, limit), (keys) => {
          tx.then(tx.store.getAll(range, limit), (values) => {
            tx.resolveWith(keys.map((k, i): [string, Uint8Array] => [(k as [string, string])[1], asBytes(values[i]) ?? new Uint8Array()]));
          });
        });
      }),
    announce(changes) {
      if (changes.length === 0 || typeof BroadcastChannel === 'undefined') return;
      const ch = changeChannel();
      // A closed channel is not worth failing a committed write over.
      for (const change of changes) {
        try {
          ch.postMessage({ ...change, origin } satisfies KvChange);
        } catch {
          // The run is ending; nobody is left to notify.
        }
      }
    },
    watch(bucket, onChange) {
      const listener = (event: MessageEvent<KvChange>): void => {
        const change = event.data;
        if (change && change.origin !== origin && change.bucket === bucket) onChange(change);
      };
      const ch = changeChannel();
      ch.addEventListener('message', listener);
      return () => ch.removeEventListener('message', listener);
    },
  };
}
