import { HostError } from '../hostContract';

/** Store names inside the `${namespace}-blob` database. */
export const CONTAINERS = 'containers';
export const OBJECTS = 'objects';

/** Value in `containers`, keyed by `name`. `createdAt` is ms since the Unix epoch. */
export interface ContainerRecord {
  name: string;
  createdAt: number;
}

/**
 * Value in `objects`, keyed by `[container, name]`. The bytes are a Blob so IndexedDB
 * can keep them out of line (on disk in Chromium) and ranged reads touch only a slice.
 */
export interface ObjectRecord {
  size: number;
  createdAt: number;
  data: Blob;
}

/** Opens (creating on first use) the blobstore database of one namespace. */
export function openBlobDb(namespace: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`${namespace}-blob`, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(CONTAINERS)) db.createObjectStore(CONTAINERS, { keyPath: 'name' });
      if (!db.objectStoreNames.contains(OBJECTS)) db.createObjectStore(OBJECTS);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(toStorageError(open.error));
    open.onblocked = () => reject(new HostError(`storage error: database "${namespace}-blob" is blocked by another tab upgrading it`));
  });
}

/** Resolves with a request's result; rejects with its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Runs `body` in one transaction and resolves only after the transaction committed, so a
 * returned success means the data is stored. If anything fails (a HostError thrown by the
 * body, a request error, or a quota abort at commit time) the transaction is aborted and
 * IndexedDB rolls it back as a whole: nothing already stored is lost or half-changed.
 * `body` must only await IndexedDB requests of `tx`; awaiting anything else would let the
 * transaction auto-commit early.
 */
export async function runTx<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  let tx: IDBTransaction;
  try {
    tx = db.transaction(stores, mode);
  } catch (e) {
    throw toStorageError(e);
  }
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
  });
  committed.catch(() => undefined); // observed below; avoids an unhandled rejection when body fails first
  let result: T;
  try {
    result = await body(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw e instanceof HostError ? e : toStorageError(e);
  }
  try {
    await committed;
  } catch (e) {
    throw toStorageError(e);
  }
  return result;
}

/**
 * Maps IndexedDB failures to the blobstore's string error. Quota problems get the
 * "storage full" prefix the UI recognises; the transaction was rolled back either way.
 */
export function toStorageError(e: unknown): HostError {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  if (name === 'QuotaExceededError') {
    return new HostError(`storage full: the browser refused to store more data (${message}); nothing already stored was changed`);
  }
  return new HostError(`storage error: ${name || 'Error'}: ${message}`);
}
