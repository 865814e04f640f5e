/**
 * Work-queue claims: for each (message id, queue group) exactly one consumer may handle the
 * message, across workers and tabs. The record lives in IndexedDB database
 * `${namespace}-msg`, object store `claims`, key `[messageId, group]`. A claim is one
 * readwrite transaction doing get-then-put; IndexedDB runs readwrite transactions on the
 * same store one after another (also across tabs of one origin), so the first writer wins
 * and every later claimant reads the winner's record.
 */
export interface ClaimRecord {
  owner: string;
  at: number;
}

/** Claims older than this are pruned when a database is first opened. */
const claimLifetimeMs = 60 * 60 * 1000;

const databases = new Map<string, Promise<IDBDatabase>>();
// Without IndexedDB (some private modes) claims still hold within this worker.
const memoryClaims = new Map<string, ClaimRecord>();

/**
 * Tries to claim message `id` for queue `group` on behalf of `owner`; resolves true for
 * the single winner (also when the same owner claims again), false for everyone else.
 */
export async function claimMessage(namespace: string, id: string, group: string, owner: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') {
    const key = `${namespace}\u0000${id}\u0000${group}`;
    const existing = memoryClaims.get(key);
    if (existing) return existing.owner === owner;
    memoryClaims.set(key, { owner, at: Date.now() });
    return true;
  }
  const db = await openClaimDatabase(namespace);
  return new Promise<boolean>((resolve, reject) => {
    const tx = db.transaction('claims', 'readwrite');
    const store = tx.objectStore('claims');
    let won = false;
    const get = store.get([id, group]);
    get.onsuccess = () => {
      const existing = get.result as ClaimRecord | undefined;
      if (existing) {
        won = existing.owner === owner;
        return;
      }
      store.put({ owner, at: Date.now() } satisfies ClaimRecord, [id, group]);
      won = true;
    };
    // Only a committed transaction makes the claim real.
    tx.oncomplete = () => resolve(won);
    tx.onerror = () => reject(new Error(`claim of message ${id} failed: ${String(tx.error)}`));
    tx.onabort = () => reject(new Error(`claim of message ${id} aborted: ${String(tx.error)}`));
  });
}

/**
 * Schema of `${namespace}-msg`: v1 `claims`; v2 adds `inflight`, the at-least-once lease
 * records of proposal:messaging-ext (key [group, messageId]). Both live in one database
 * so every worker opens it at the same version.
 */
const MSG_DB_VERSION = 2;

/** The `${namespace}-msg` database (claims and inflight leases), opened once per worker. */
export function openMessagingDatabase(namespace: string): Promise<IDBDatabase> {
  return openClaimDatabase(namespace);
}

function openClaimDatabase(namespace: string): Promise<IDBDatabase> {
  let db = databases.get(namespace);
  if (db === undefined) {
    db = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`${namespace}-msg`, MSG_DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains('claims')) request.result.createObjectStore('claims');
        if (!request.result.objectStoreNames.contains('inflight')) request.result.createObjectStore('inflight');
      };
      request.onsuccess = () => {
        const opened = request.result;
        // Another tab upgrading the schema must not be blocked by us.
        opened.onversionchange = () => {
          opened.close();
          databases.delete(namespace);
        };
        pruneOldClaims(opened);
        resolve(opened);
      };
      request.onerror = () => reject(new Error(`cannot open IndexedDB "${namespace}-msg": ${String(request.error)}`));
      request.onblocked = () => reject(new Error(`IndexedDB "${namespace}-msg" is blocked by another tab`));
    });
    databases.set(namespace, db);
    db.catch(() => databases.delete(namespace));
  }
  return db;
}

function pruneOldClaims(db: IDBDatabase): void {
  const cutoff = Date.now() - claimLifetimeMs;
  const tx = db.transaction('claims', 'readwrite');
  const cursorRequest = tx.objectStore('claims').openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (cursor === null) return;
    if ((cursor.value as ClaimRecord).at < cutoff) cursor.delete();
    cursor.continue();
  };
}

/** Closes claim databases opened by this worker (worker end, tests). */
export function closeClaimDatabases(): void {
  for (const db of databases.values()) void db.then((d) => d.close(), () => undefined);
  databases.clear();
}
