// A returning visit's first JS build should not redo what the first visit did: splicing the
// world's bindings into the engine (~4 s of CPU) and wrapping + transpiling the component. Both
// results depend only on the WIT world and the toolchain, so the build worker keeps them here.
//
// This IndexedDB store is the fallback for origins without Cache Storage (it is missing outside
// secure contexts, and the playground is also served on plain http origins): where Cache Storage
// exists, splices and builds go there instead (engineCacheStorage.ts), which reads them back
// several times faster. (Compiled WebAssembly.Module objects can no longer be stored: Chromium
// removed that, so the module is compiled again from the stored bytes, which takes ~0.1–0.3 s.)
//
// It is a cache, never user data: every failure (no IndexedDB, a corrupt entry, a full disk) is a
// miss, and a write that would crowd the origin's quota is skipped; a failing write clears the
// cache so the space goes back to the user's workspaces.

import { trackCacheWrite } from './trackCacheWrites';

/** Database name; excluded from "Export everything" (src/storage/backupFile.ts). */
export const ENGINE_CACHE_DB = 'wcp-engine-cache';
/** Small records (key, toolchain, recency, size) read on every write to evict; values apart. */
const META = 'meta';
const VALUES = 'values';
/** Newest entries kept; older ones are deleted on write (each is ~10–25 MB). */
const MAX_ENTRIES = 6;
/** Bytes left free for the user's data when deciding whether a write fits. */
const RESERVE_BYTES = 200e6;

/** What is known of a stored value without reading it: its toolchain, last use and size. */
interface Meta {
  key: string;
  toolchain: string;
  usedAt: number;
  bytes: number;
}

/** Date.now(), but strictly increasing within this worker, so recency never ties. */
let lastStamp = 0;
const stamp = () => (lastStamp = Math.max(lastStamp + 1, Date.now()));

let dbPromise: Promise<IDBDatabase | undefined> | undefined;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function open(): Promise<IDBDatabase | undefined> {
  dbPromise ??= new Promise<IDBDatabase | undefined>((resolve) => {
    try {
      const r = indexedDB.open(ENGINE_CACHE_DB, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(META, { keyPath: 'key' });
        r.result.createObjectStore(VALUES);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(undefined);
      r.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined); // no IndexedDB here (some private modes): run without the cache
    }
  });
  return dbPromise;
}

/**
 * Reads `key` made by `toolchain`; undefined on a miss, on an entry from another toolchain
 * (deleted), or when `isValid` rejects what was read (deleted too).
 */
export async function readEngineCache<T>(key: string, toolchain: string, isValid: (v: unknown) => v is T): Promise<T | undefined> {
  try {
    const db = await open();
    if (!db) return undefined;
    const tx = db.transaction([META, VALUES], 'readonly');
    const [meta, value] = await Promise.all([request(tx.objectStore(META).get(key)), request(tx.objectStore(VALUES).get(key))]);
    const m = meta as Meta | undefined;
    if (!m || value === undefined) return undefined;
    if (m.toolchain !== toolchain || !isValid(value)) {
      void forget(db, [key]);
      return undefined;
    }
    // Recency for eviction, at a day's resolution (reads should not write).
    if (Date.now() - m.usedAt > DAY_MS) void touch(db, { ...m, usedAt: stamp() });
    return value;
  } catch {
    return undefined;
  }
}

const DAY_MS = 86_400_000;

async function forget(db: IDBDatabase, keys: string[]): Promise<void> {
  try {
    const tx = db.transaction([META, VALUES], 'readwrite');
    for (const k of keys) {
      tx.objectStore(META).delete(k);
      tx.objectStore(VALUES).delete(k);
    }
    await done(tx);
  } catch {
    /* a later write evicts it */
  }
}

async function touch(db: IDBDatabase, meta: Meta): Promise<void> {
  try {
    const tx = db.transaction(META, 'readwrite');
    tx.objectStore(META).put(meta);
    await done(tx);
  } catch {
    /* recency is a hint */
  }
}

/** Free bytes the origin may still use, when the browser says (not on every http origin). */
async function freeBytes(): Promise<number | undefined> {
  try {
    const est = await navigator.storage?.estimate?.();
    if (!est?.quota) return undefined;
    return est.quota - (est.usage ?? 0);
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` (about `bytes` large) under `key`, evicting the least recently used entries
 * past MAX_ENTRIES and every entry of another toolchain. Resolves `true` when stored; never
 * rejects. A write that fails (quota) clears the whole cache.
 */
export function writeEngineCache(key: string, toolchain: string, value: unknown, bytes: number): Promise<boolean> {
  // Reported while in flight (trackCacheWrites.ts): a page closed before the end loses the entry.
  return trackCacheWrite(bytes, () => writeNow(key, toolchain, value, bytes), (stored) => stored);
}

async function writeNow(key: string, toolchain: string, value: unknown, bytes: number): Promise<boolean> {
  const db = await open();
  if (!db) return false;
  const free = await freeBytes();
  if (free !== undefined && free < bytes + RESERVE_BYTES) return false;
  try {
    const tx = db.transaction([META, VALUES], 'readwrite');
    const metas = tx.objectStore(META);
    const values = tx.objectStore(VALUES);
    const old = (await request(metas.getAll())) as Meta[];
    const keep = old.filter((e) => e.toolchain === toolchain && e.key !== key).sort((a, b) => b.usedAt - a.usedAt);
    const evict = [...old.filter((e) => e.toolchain !== toolchain), ...keep.slice(MAX_ENTRIES - 1)];
    for (const e of evict) {
      metas.delete(e.key);
      values.delete(e.key);
    }
    values.put(value, key);
    metas.put({ key, toolchain, usedAt: stamp(), bytes } satisfies Meta);
    await done(tx);
    return true;
  } catch {
    await clearEngineCache();
    return false;
  }
}

/** Deletes every cached entry (never touches other databases). */
export async function clearEngineCache(): Promise<void> {
  try {
    const db = await open();
    if (!db) return;
    const tx = db.transaction([META, VALUES], 'readwrite');
    tx.objectStore(META).clear();
    tx.objectStore(VALUES).clear();
    await done(tx);
  } catch {
    /* nothing more to free */
  }
}

/** Byte sizes in a value, for the write's quota check. */
export function sizeOf(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + sizeOf(v), 0);
  if (typeof value === 'string') return value.length * 2;
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + sizeOf(v), 0);
  return 8;
}
