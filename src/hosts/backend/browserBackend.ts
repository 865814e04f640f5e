import { BlobStore } from '../blobstore/blobStore';
import {
  countKeysInRange,
  deleteEntries,
  deleteKeysInRange,
  getEntries,
  getEntry,
  hasEntry,
  listKeysFromOffset,
  listKeysInRange,
  putEntries,
  readEntriesInRange,
  updateEntry,
} from '../idb';
import { createBus } from '../messaging/createBus';
import { createAnnouncer } from './batchAnnouncements';
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
  // Fewer posts for a burst of writes; see batchAnnouncements.ts.
  const announcer = createAnnouncer<KvChange>((batch) => {
    try {
      changeChannel().postMessage(batch);
    } catch {
      // A closed channel is not worth failing a committed write over: the run is ending.
    }
  });
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
    // One snapshot, one pass where the browser has getAllRecords (src/hosts/idb/getAllRecords.ts).
    readRange: (bucket, bounds, limit) => readEntriesInRange(namespace, bucket, bounds, limit),
    announce(changes) {
      if (changes.length === 0 || typeof BroadcastChannel === 'undefined') return;
      announcer.announce(changes.map((change): KvChange => ({ ...change, origin })));
    },
    watch(bucket, onChange) {
      const listener = (event: MessageEvent<KvChange[] | KvChange>): void => {
        // A post carries a batch (createAnnouncer); a lone object is a tab of an older build.
        for (const change of Array.isArray(event.data) ? event.data : [event.data]) {
          if (change && change.origin !== origin && change.bucket === bucket) onChange(change);
        }
      };
      const ch = changeChannel();
      ch.addEventListener('message', listener);
      return () => ch.removeEventListener('message', listener);
    },
  };
}
