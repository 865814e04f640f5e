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
  openKvDatabase,
  registerKvWatcher,
  updateEntry,
  writesAreWatched,
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
  // A run worker handed to the next run (runWorker.ts `recycle`) ends this run's change
  // channels: left open, each would keep receiving every change notice of the namespace.
  close: async () => {
    for (const channel of changeChannels) channel.close();
    changeChannels.clear();
  },
};

/** The change-notice channels of the run under way in this worker (one run at a time). */
const changeChannels = new Set<BroadcastChannel>();

/** Key-value storage over the shared `${namespace}-kv` IndexedDB store (src/hosts/idb). */
function createBrowserKv(namespace: string, origin: string): KvStorage {
  let channel: BroadcastChannel | undefined;
  const changeChannel = (): BroadcastChannel => {
    if (!channel) {
      channel = new BroadcastChannel(`${namespace}:kv-changes`);
      changeChannels.add(channel);
      // Node (unit tests) keeps the process alive for an open channel; browsers have no unref.
      (channel as unknown as { unref?: () => void }).unref?.();
    }
    return channel;
  };
  // Open the database while the guest is still being instantiated: its first key-value
  // call then finds the connection ready. A failure is not cached; that call reports it.
  if (typeof indexedDB !== 'undefined') openKvDatabase(namespace).catch(() => undefined);
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
      // No watcher registered when the write committed: nobody to tell (src/hosts/idb/kvWatchers.ts).
      if (!writesAreWatched(namespace)) return;
      // One post per committed write (a batch op's changes travel together), sent at once:
      // a guest that loops after writing blocks its worker's timers, so a deferred post would
      // be lost when the watchdog stops it, and watchers elsewhere would miss the last writes.
      try {
        changeChannel().postMessage(changes.map((change): KvChange => ({ ...change, origin })));
      } catch {
        // A closed channel is not worth failing a committed write over: the run is ending.
      }
    },
    watch(bucket, onChange) {
      const listener = (event: MessageEvent<KvChange[] | KvChange>): void => {
        // A post carries one write's changes; a lone object is a tab of an older build.
        for (const change of Array.isArray(event.data) ? event.data : [event.data]) {
          if (change && change.origin !== origin && change.bucket === bucket) onChange(change);
        }
      };
      const ch = changeChannel();
      ch.addEventListener('message', listener);
      return () => ch.removeEventListener('message', listener);
    },
    // The channel exists before the registration commits, so no notice sent after it is missed.
    startWatching: () => {
      changeChannel();
      return registerKvWatcher(namespace, origin);
    },
  };
}
