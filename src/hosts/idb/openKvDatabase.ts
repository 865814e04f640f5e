import { HostError } from '../hostContract';

/** The single object store holding every bucket: key = [bucket, key], value = bytes. */
export const KV_STORE = 'entries';

/** Watchers registered in this namespace (src/hosts/idb/kvWatchers.ts): key = instance id. */
export const WATCH_STORE = 'watchers';

/**
 * Version a database that lacks a store is upgraded to (at least). Buckets live inside the
 * compound key, so creating a bucket never needs an upgrade. 2 added WATCH_STORE (a version-1
 * database keeps its entries and gains the store on open). Since then each watcher's
 * registration raises the version by one (kvWatchers.ts), so databases are opened at the
 * version they have and a higher number means nothing about the layout.
 */
const KV_DB_VERSION = 2;

/** How long to wait for other tabs to release the database before giving up. */
const BLOCKED_TIMEOUT_MS = 10_000;

/** One open connection per namespace per worker; reopened after version changes. */
const connections = new Map<string, Promise<IDBDatabase>>();

/**
 * The same connections once open, for a synchronous fast path: every host call opens a
 * transaction, and awaiting an already-resolved promise first costs promise hops per call.
 */
const openConnections = new Map<string, IDBDatabase>();

/** The open connection of `namespace`, if this worker has one ready (no waiting). */
export function openKvDatabaseNow(namespace: string): IDBDatabase | undefined {
  return openConnections.get(namespace);
}

/** Name of the IndexedDB database that holds all key-value buckets of a namespace. */
export function kvDatabaseName(namespace: string): string {
  return `${namespace}-kv`;
}

/**
 * Opens (once per worker and namespace) the key-value database. Later calls reuse the
 * same connection: opening per call would cost a round trip on every host call.
 */
export function openKvDatabase(namespace: string): Promise<IDBDatabase> {
  let pending = connections.get(namespace);
  if (!pending) {
    const opening: Promise<IDBDatabase> = connect(namespace).then((db) => {
      // Another tab wants to upgrade or delete the database: step aside instead of
      // blocking it, and reopen lazily on our next call.
      const drop = (): void => {
        if (connections.get(namespace) === opening) connections.delete(namespace);
        if (openConnections.get(namespace) === db) openConnections.delete(namespace);
      };
      db.onversionchange = () => {
        db.close();
        drop();
      };
      // The browser may close the connection itself (storage cleared, disk error).
      db.onclose = drop;
      if (connections.get(namespace) === opening) openConnections.set(namespace, db);
      return db;
    });
    pending = opening;
    connections.set(namespace, pending);
    // A failed open must not poison the cache: the next call tries again.
    pending.catch(() => connections.delete(namespace));
  }
  return pending;
}

/** Drops the cached connection so the next call reopens (used after a closed connection). */
export function forgetKvDatabase(namespace: string): void {
  const pending = connections.get(namespace);
  connections.delete(namespace);
  openConnections.delete(namespace);
  pending?.then((db) => db.close()).catch(() => undefined);
}

/**
 * Opens the database at whatever version it has: a watcher's registration raises the
 * version (see {@link upgradeKvDatabase}), so no fixed number can be asked for. A database
 * without both stores (new, or made by a build before WATCH_STORE) is upgraded once more to
 * add them.
 */
async function connect(namespace: string): Promise<IDBDatabase> {
  const db = await openAt(namespace);
  if (hasStores(db)) return db;
  const version = db.version;
  db.close();
  return openAt(namespace, Math.max(version + 1, KV_DB_VERSION));
}

const hasStores = (db: IDBDatabase) => db.objectStoreNames.contains(KV_STORE) && db.objectStoreNames.contains(WATCH_STORE);

/**
 * Raises the database's version by one and runs `write` in that upgrade's transaction.
 * An upgrade is the one change every open connection hears of before it happens: each gets
 * `versionchange` and closes (see {@link openKvDatabase}), its transactions finish first, and
 * the upgrade waits for all of them. kvWatchers.ts registers watchers this way. Retried when
 * another upgrade got there first.
 */
export async function upgradeKvDatabase(namespace: string, write: (tx: IDBTransaction) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const version = (await openKvDatabase(namespace)).version;
    let wrote = false;
    try {
      const db = await openAt(namespace, version + 1, (tx) => {
        write(tx);
        wrote = true;
      });
      db.close();
    } catch (error) {
      // VersionError: another registration raised it further meanwhile; try from there.
      const versionError = error instanceof HostError && (error.cause as DOMException | null | undefined)?.name === 'VersionError';
      if (!versionError || attempt >= 10) throw error;
    }
    if (wrote) return;
  }
}

/** One open request (at `version`, or the current one), mapped to clear errors; `upgrade` runs in its upgrade transaction. */
function openAt(namespace: string, version?: number, upgrade?: (tx: IDBTransaction) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(storeError('IndexedDB is not available in this context (private mode or an old browser?)'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = version === undefined ? indexedDB.open(kvDatabaseName(namespace)) : indexedDB.open(kvDatabaseName(namespace), version);
    } catch (e) {
      // Chromium throws SecurityError here in a third-party frame whose storage is blocked.
      reject(storeError(isStorageBlocked(e) ? STORAGE_BLOCKED : `cannot open IndexedDB: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    // Set once the caller was told the open is blocked: an upgrade that gets through later
    // must not happen behind its back (a watcher registered after it was told it failed).
    let gaveUp = false;
    request.onupgradeneeded = () => {
      if (gaveUp) return request.transaction?.abort();
      const db = request.result;
      if (!db.objectStoreNames.contains(KV_STORE)) db.createObjectStore(KV_STORE);
      if (!db.objectStoreNames.contains(WATCH_STORE)) db.createObjectStore(WATCH_STORE);
      if (upgrade && request.transaction) upgrade(request.transaction);
    };
    // Blocked means another tab holds an older connection open and ignores versionchange;
    // wait a while (it may close), then fail with text the user can act on.
    request.onblocked = () => {
      blockedTimer ??= setTimeout(() => {
        gaveUp = true;
        reject(storeError('the key-value database is blocked by another open tab; close other playground tabs and retry'));
      }, BLOCKED_TIMEOUT_MS);
    };
    request.onerror = () => {
      clearTimeout(blockedTimer);
      const error = request.error;
      const hint = error?.name === 'VersionError' ? ' (it was created by a newer version of the playground)' : '';
      if (isStorageBlocked(error)) return reject(storeError(STORAGE_BLOCKED));
      const failed = storeError(`cannot open IndexedDB database "${kvDatabaseName(namespace)}"${hint}: ${error?.message ?? 'unknown error'}`);
      // What the browser said, for callers that act on its kind (upgradeKvDatabase retries a VersionError).
      failed.cause = error;
      reject(failed);
    };
    request.onsuccess = () => {
      clearTimeout(blockedTimer);
      // Nobody holds this connection any more: left open, it would block every later upgrade.
      if (gaveUp) return request.result.close();
      resolve(request.result);
    };
  });
}

/** What the guest and the console say when the browser refuses storage to this page. */
export const STORAGE_BLOCKED =
  'storage is blocked in this embed: the browser does not let this embedded playground keep data (third-party storage is blocked). Open the playground in its own tab to use key-value storage.';

/** The browser refuses IndexedDB to this context (a third-party frame with storage blocked, an opaque origin). */
export function isStorageBlocked(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'SecurityError';
}

function storeError(text: string): HostError {
  return new HostError({ tag: 'other', val: text });
}
