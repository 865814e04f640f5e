import { openKvDatabase, upgradeKvDatabase, WATCH_STORE } from './openKvDatabase';

/**
 * Which key-value writes need a change notice on the `${namespace}:kv-changes` channel.
 *
 * A notice is a BroadcastChannel post per committed write, a structured clone and a trip
 * through the browser process (in a 1,000-op guest loop ~13% of its worker's CPU), and most
 * namespaces have no watcher at all. So a guest exporting the watcher registers in the
 * namespace's database first (the `watchers` store), and writes count that store, inside
 * their own transaction, until their connection has seen it empty.
 *
 * From then on that connection's writes count nothing (the count was an extra request in
 * every write: ~0.14 ms of a ~0.7 ms set in a bare worker). That is safe because a
 * registration is an upgrade of the database (openKvDatabase.ts, upgradeKvDatabase): before
 * it happens every open connection is told (`versionchange`) and closes, the writes already
 * made on it commit first, and the upgrade waits for them. So a write either committed
 * before the registration (the watcher was not watching yet) or was made on a newer
 * connection, which counts again and sees it: no change a registered watcher should hear is
 * skipped, across all workers and tabs.
 *
 * A registration must not outlive its watcher, whose worker is terminated without cleanup.
 * The watcher holds a Web Lock named in its record for as long as its worker lives (the
 * browser releases it when the worker goes); writers that see registrations drop the ones
 * whose lock is no longer held, at most every {@link SWEEP_EVERY_MS}. Web Locks exist only
 * in secure contexts: elsewhere (a class on plain http) nothing registers and every write is
 * announced, as before.
 */
const watched = new Map<string, boolean>();

/** Connections whose last count found no registration: their writes count nothing (see above). */
const unwatchedConnections = new WeakSet<IDBDatabase>();

/** How often a writer that sees registrations checks them for watchers that have gone. */
const SWEEP_EVERY_MS = 5_000;
const lastSweep = new Map<string, number>();

function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
}

/** Whether this worker has Web Locks; asked once (the getter cost ≈8 µs per write in a worker profile). */
let hasLocks: boolean | undefined;

/** Whether readwrite transactions on this worker should count the watchers (see above). */
function countsWatchers(): boolean {
  return (hasLocks ??= locks() !== undefined);
}

/**
 * Whether a readwrite transaction on `db` must count the registrations (and so include
 * WATCH_STORE in its scope): yes with Web Locks, until this connection has seen none.
 */
export function writesCountWatchers(db: IDBDatabase): boolean {
  return countsWatchers() && !unwatchedConnections.has(db);
}

/**
 * Called with each readwrite transaction before its body (its scope includes WATCH_STORE
 * when {@link writesCountWatchers} said so): counts the registrations in it. Returns what to
 * call once the transaction has committed (before its caller hears of it), which records
 * what the write saw; undefined without Web Locks. The count is read then rather than in a
 * success handler of its own: one JS event handler less per write, and a count from a
 * transaction that aborted is never recorded.
 */
export function noteWatchers(namespace: string, transaction: IDBTransaction): (() => void) | undefined {
  if (!countsWatchers()) return undefined;
  const db = transaction.db;
  if (unwatchedConnections.has(db)) return () => watched.set(namespace, false);
  const request = transaction.objectStore(WATCH_STORE).count();
  return () => {
    const any = request.result > 0;
    watched.set(namespace, any);
    if (any) sweepSoon(namespace);
    else unwatchedConnections.add(db);
  };
}

/**
 * Whether the last write of this worker on `namespace` saw a registered watcher (true when
 * unknown or without Web Locks). Read right after a write resolves: a later write's answer
 * can only add notices for a watcher registered in between, or drop them for one that left.
 */
export function writesAreWatched(namespace: string): boolean {
  // `false` is only ever recorded after a count (this write's, or the one that let its
  // connection stop counting), which runs only with Web Locks (noteWatchers);
  // without them nothing is recorded and every write is announced. Not asking
  // `navigator.locks` again here saves a getter per write (≈8 µs in a worker profile).
  return watched.get(namespace) !== false;
}

/**
 * Registers a watcher (`origin` is its instance id) in `namespace`: takes its Web Lock, then
 * commits its record. Resolves once writers elsewhere announce to it.
 */
export async function registerKvWatcher(namespace: string, origin: string): Promise<void> {
  const manager = locks();
  if (!manager) return;
  const lock = `wcp-kv-watch:${namespace}:${origin}`;
  // Held until the worker ends: the callback's promise never settles.
  await new Promise<void>((held) => void manager.request(lock, () => (held(), new Promise<never>(() => undefined))));
  // An upgrade, not a plain write: every connection that stopped counting hears of it.
  await upgradeKvDatabase(namespace, (tx) => tx.objectStore(WATCH_STORE).put({ lock, since: Date.now() }, origin));
}

/**
 * Drops registrations whose watcher is gone. The records are read before the locks are
 * queried: a record read here was committed after its lock was taken, so a lock missing
 * from the later query was released (its worker ended), never not yet taken.
 */
function sweepSoon(namespace: string): void {
  const now = Date.now();
  if (now - (lastSweep.get(namespace) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(namespace, now);
  void sweep(namespace).catch(() => undefined);
}

async function sweep(namespace: string): Promise<void> {
  const manager = locks();
  if (!manager) return;
  const db = await openKvDatabase(namespace);
  const records = await new Promise<[IDBValidKey, { lock?: string }][]>((resolve, reject) => {
    const store = db.transaction(WATCH_STORE, 'readonly').objectStore(WATCH_STORE);
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i] as { lock?: string }]));
    values.onerror = () => reject(values.error);
  });
  const state = await manager.query();
  const held = new Set([...(state.held ?? []), ...(state.pending ?? [])].map((l) => l.name));
  const gone = records.filter(([, r]) => !r?.lock || !held.has(r.lock)).map(([k]) => k);
  if (gone.length === 0) return;
  const tx = db.transaction(WATCH_STORE, 'readwrite');
  for (const key of gone) tx.objectStore(WATCH_STORE).delete(key);
}
