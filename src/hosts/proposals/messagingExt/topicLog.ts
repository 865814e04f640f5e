import type { Envelope } from '../../messaging/createEnvelope';
import { getAllRecords } from '../../idb/getAllRecords';
import { commitNow } from '../../idb/runKvTransaction';
import { pushEntries, toChunks, type LogEntry } from './logChunks';

/**
 * Persisted per-topic logs for the offsets interface: database `${namespace}-log`, store
 * `log` of chunks of consecutive entries keyed [topic, last offset] (logChunks.ts) with
 * dense offsets from 0, and store `commits` keyed [consumer group, topic] holding the next
 * offset a group will read.
 *
 * Which sends are logged: every `producer.send` of every guest (not request/reply
 * traffic), appended by the producer's worker after the bus post. Always-on keeps the
 * model simple (a consumer can replay a topic nobody declared in advance); the cost is one
 * IndexedDB transaction per batch of sends (those made while the previous append was in
 * flight) writing one record per ~48 KiB of them, off the guest's path (send does not wait
 * for it), and storage bounded by RETAINED_PER_TOPIC entries per topic.
 */
/** Object store of log chunks, keyed [topic, offset of the chunk's last entry]. */
export const LOG = 'log';
const COMMITS = 'commits';

/** Name of the IndexedDB database holding a namespace's topic logs. */
export function logDatabaseName(namespace: string): string {
  return `${namespace}-log`;
}

/**
 * Entries kept per topic; older offsets are trimmed, so "oldest retained" can exceed 0.
 * Trimming deletes whole chunks: the oldest kept chunk may still hold a few entries below
 * the window, which readers skip (oldest retained = last offset + 1 − RETAINED_PER_TOPIC).
 */
export const RETAINED_PER_TOPIC = 10_000;

export type { LogEntry } from './logChunks';

const databases = new Map<string, Promise<IDBDatabase>>();

function openLogDatabase(namespace: string): Promise<IDBDatabase> {
  let db = databases.get(namespace);
  if (!db) {
    db = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(logDatabaseName(namespace), 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(LOG);
        request.result.createObjectStore(COMMITS);
      };
      request.onsuccess = () => {
        const opened = request.result;
        opened.onversionchange = () => { opened.close(); databases.delete(namespace); };
        resolve(opened);
      };
      request.onerror = () => reject(new Error(`cannot open IndexedDB "${logDatabaseName(namespace)}": ${String(request.error)}`));
    });
    databases.set(namespace, db);
    db.catch(() => databases.delete(namespace));
  }
  return db;
}

/**
 * Opens the namespace's log database without waiting (a consumer's host is being created:
 * its first read then finds the connection ready). A failure is not cached; reads report it.
 */
export function warmLogDatabase(namespace: string): void {
  if (typeof indexedDB !== 'undefined') openLogDatabase(namespace).catch(() => undefined);
}

async function logTx<T>(namespace: string, stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction, set: (v: T) => void) => void): Promise<T> {
  const db = await openLogDatabase(namespace);
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let result: T | undefined;
    tx.oncomplete = () => resolve(result as T);
    tx.onerror = () => reject(new Error(`topic log: ${String(tx.error)}`));
    tx.onabort = () => reject(new Error(`topic log: transaction aborted (${String(tx.error)})`));
    body(tx, (v) => { result = v; });
  });
}

const topicRange = (topic: string, from = 0) => IDBKeyRange.bound([topic, from], [topic, Number.MAX_SAFE_INTEGER]);

/** One send to log: its topic, envelope and payload. */
export interface LogAppend {
  topic: string;
  envelope: Envelope;
  data: Uint8Array;
}

/**
 * Appends sends of any topics in one readwrite transaction, each topic's entries in the
 * given order at its next dense offsets, as few chunks (records) as fit. The last offset is
 * read in the same transaction that adds the chunks; IndexedDB serialises those across
 * workers, so offsets stay dense. Resolves with each topic's last offset used. A producer
 * flooding a topic pays one transaction per batch and one record per chunk, not per send.
 */
export function appendBatchToLog(namespace: string, entries: LogAppend[]): Promise<Map<string, number>> {
  const byTopic = groupBy(entries, (entry) => entry.topic);
  return logTx<Map<string, number>>(namespace, [LOG], 'readwrite', (tx, set) => {
    const store = tx.objectStore(LOG);
    const lastOffsets = new Map<string, number>();
    set(lastOffsets);
    // The last topic's writes are the transaction's last requests: commit then (one round trip less).
    let topicsLeft = byTopic.size;
    for (const [topic, items] of byTopic) {
      const last = store.openKeyCursor(topicRange(topic), 'prev');
      last.onsuccess = () => {
        let end = last.result ? (last.result.key as [string, number])[1] + 1 : 0;
        for (const chunk of toChunks(items)) {
          end += chunk.envelopes.length;
          store.add(chunk, [topic, end - 1]);
        }
        // Whole chunks that end below the retained window; a chunk straddling it stays.
        if (end > RETAINED_PER_TOPIC) store.delete(IDBKeyRange.bound([topic, 0], [topic, end - RETAINED_PER_TOPIC - 1]));
        lastOffsets.set(topic, end - 1);
        if (--topicsLeft === 0) commitNow(tx);
      };
    }
  });
}

/**
 * Appends many entries of one topic in one transaction (seeding a log for benchmarks and
 * tests). Resolves with the first offset used.
 */
export async function appendManyToLog(namespace: string, topic: string, items: Array<{ envelope: Envelope; data: Uint8Array }>): Promise<number> {
  const last = await appendBatchToLog(namespace, items.map((item) => ({ topic, ...item })));
  return (last.get(topic) as number) - items.length + 1;
}

/** Items in lists by key, each list in the items' order (Map.groupBy is not in Node 20). */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item));
    if (list) list.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** Chunks asked for by a read's first request (its later ones use the sizes seen). */
const FIRST_READ_RECORDS = 8;

/**
 * At least `limit` entries at or after `offset` when the log holds them (later ones when
 * older were trimmed), in offset order, read in one transaction: a consumer replaying a
 * long log reads ahead in batches instead of paying a transaction per message. Whole
 * chunks are returned, so a batch may hold more than `limit` (the rest of its last chunk).
 */
export function readLogBatch(namespace: string, topic: string, offset: number, limit: number): Promise<LogEntry[]> {
  return logTx<LogEntry[]>(namespace, [LOG], 'readonly', (tx, set) => {
    const store = tx.objectStore(LOG);
    const entries: LogEntry[] = [];
    set(entries);
    // The first retained offset: entries below it may wait in a chunk not trimmed yet.
    // Requests of a transaction succeed in order: this is known before any records are.
    let from = offset;
    const newest = store.openKeyCursor(topicRange(topic), 'prev');
    newest.onsuccess = () => {
      if (newest.result) from = Math.max(from, (newest.result.key as [string, number])[1] + 1 - RETAINED_PER_TOPIC);
    };
    let records = 0;
    const read = (start: number, count: number): void => {
      // One pass over the range where the browser has getAllRecords (keys + values), else
      // getAllKeys + getAll in the same transaction (their lists line up entry for entry).
      getAllRecords(store, topicRange(topic, start), count, onSuccess, (page) => {
        let last = start - 1;
        // A chunk overlapping an earlier one (both imported from backups) adds only what is new.
        for (const r of page) last = pushEntries(entries, r.primaryKey, r.value, Math.max(from, last + 1));
        records += page.length;
        const missing = limit - entries.length;
        if (missing <= 0 || page.length < count) return commitNow(tx);
        // Ask for about as many chunks as the ones read so far suggest are still missing.
        const perRecord = Math.max(1, entries.length / records);
        read(last + 1, Math.ceil(missing / perRecord) + 1);
      });
    };
    read(offset, Math.max(1, Math.min(limit, FIRST_READ_RECORDS)));
  });
}

const onSuccess = <R>(request: IDBRequest<R>, onValue: (value: R) => void): void => {
  request.onsuccess = () => onValue(request.result);
};

/** The first entry at or after `offset` (later when older ones were trimmed), if any. */
export async function readLogFrom(namespace: string, topic: string, offset: number): Promise<LogEntry | undefined> {
  return (await readLogBatch(namespace, topic, offset, 1))[0];
}

/** Persists the next offset `group` will read on `topic`. */
export function commitOffset(namespace: string, group: string, topic: string, offset: number): Promise<void> {
  return logTx<void>(namespace, [COMMITS], 'readwrite', (tx) => {
    tx.objectStore(COMMITS).put(offset, [group, topic]);
    commitNow(tx);
  });
}

/** The committed offset of `group` on `topic`, or undefined when it never committed. */
export function committedOffset(namespace: string, group: string, topic: string): Promise<number | undefined> {
  return logTx<number | undefined>(namespace, [COMMITS], 'readonly', (tx, set) => {
    const get = tx.objectStore(COMMITS).get([group, topic]);
    get.onsuccess = () => set(get.result as number | undefined);
  });
}

/** Closes log databases opened by this worker (tests, worker end). */
export function closeLogDatabases(): void {
  for (const db of databases.values()) void db.then((d) => d.close(), () => undefined);
  databases.clear();
}
