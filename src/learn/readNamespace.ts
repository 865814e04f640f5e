import type { StorageSnapshot, TopicLogEntry } from './runRecord';
import { pushEntries, type LogEntry } from '../hosts/proposals/messagingExt/logChunks';
import { RETAINED_PER_TOPIC } from '../hosts/proposals/messagingExt/topicLog';

/**
 * Reads what a namespace holds, straight from the databases the hosts write
 * (`<ns>-kv`, `<ns>-blob`, `<ns>-log`), for Check's verdict. Read-only: a database that
 * does not exist is not created (its upgrade is aborted), so a later host open still
 * builds the right stores.
 */
export async function readNamespace(namespace: string): Promise<StorageSnapshot> {
  const snapshot: StorageSnapshot = { kv: {}, blobs: {}, topics: {} };
  const decoder = new TextDecoder();
  await readAll(`${namespace}-kv`, 'entries', (key, value) => {
    const [bucket, k] = key as [string, string];
    (snapshot.kv[bucket] ??= {})[k] = decoder.decode(toBytes(value));
  });
  const blobs: Promise<void>[] = [];
  await readAll(`${namespace}-blob`, 'objects', (key, value) => {
    const [container, name] = key as [string, string];
    const data = (value as { data?: Blob }).data;
    blobs.push((data instanceof Blob ? data.arrayBuffer() : Promise.resolve(new ArrayBuffer(0))).then((buf) => void ((snapshot.blobs[container] ??= {})[name] = decoder.decode(buf))));
  });
  await Promise.all(blobs);
  // Records are chunks of entries keyed [topic, last offset] (logChunks.ts); in key order.
  const logged = new Map<string, LogEntry[]>();
  await readAll(`${namespace}-log`, 'log', (key, value) => {
    const topic = (key as [string, number])[0];
    const entries = logged.get(topic) ?? [];
    logged.set(topic, entries);
    pushEntries(entries, key, value, entries.length > 0 ? entries[entries.length - 1]!.offset + 1 : 0);
  });
  for (const [topic, entries] of logged) {
    if (entries.length === 0) continue;
    // As a consumer sees it: the oldest kept chunk may hold entries below the retained window.
    const oldest = entries[entries.length - 1]!.offset + 1 - RETAINED_PER_TOPIC;
    snapshot.topics[topic] = entries.filter((e) => e.offset >= oldest).map((e): TopicLogEntry => ({ offset: e.offset, data: decoder.decode(toBytes(e.data)) }));
  }
  return snapshot;
}

/** Deletes every database a namespace's hosts create, so a check leaves nothing behind. */
export async function deleteNamespace(namespace: string): Promise<void> {
  await Promise.all(
    ['kv', 'blob', 'log', 'msg'].map(
      (suffix) =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase(`${namespace}-${suffix}`);
          // Blocked = a worker still holds it open; it is deleted once that worker is gone.
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    ),
  );
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new TextEncoder().encode(String(value));
}

function readAll(dbName: string, storeName: string, each: (key: IDBValidKey, value: unknown) => void): Promise<void> {
  return new Promise((resolve) => {
    const open = indexedDB.open(dbName);
    let missing = false;
    open.onupgradeneeded = () => {
      missing = true;
      open.transaction?.abort();
    };
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      if (missing || !db.objectStoreNames.contains(storeName)) {
        db.close();
        return resolve();
      }
      const tx = db.transaction(storeName, 'readonly');
      const cursor = tx.objectStore(storeName).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        each(c.key, c.value);
        c.continue();
      };
      tx.oncomplete = tx.onerror = tx.onabort = () => {
        db.close();
        resolve();
      };
    };
  });
}
