import { KV_STORE, openKvDatabaseNow } from './openKvDatabase';

/**
 * One readonly transaction shared by consecutive single-request reads of this worker.
 *
 * A guest reading in a loop (get, get, get…; get-range page after page) makes its next host
 * call from the microtasks that run when the previous read's success event is dispatched:
 * the promise resolves there, JSPI resumes the guest there, and the guest calls again there.
 * The transaction of the previous read is still active at that moment, so the next read is
 * issued on it instead of asking the storage backend for a new transaction (a round trip of
 * its own per call). Results stay exact:
 * - a readonly transaction sees every write committed before it started, and a write that
 *   another worker or tab starts while it runs waits until it ends (IndexedDB orders
 *   overlapping readwrite transactions after earlier ones), so no read in the burst can miss
 *   a write that had completed when the read was made;
 * - a write made from this worker ends the burst ({@link endReadBurst}): a read after it
 *   opens a new transaction, which IndexedDB orders after that write;
 * - a burst lasts at most {@link MAX_BURST_READS} reads and {@link MAX_BURST_MS}, so a guest
 *   reading in a tight loop cannot hold other tabs' writes back for longer than that.
 * A transaction that is no longer active (the burst ended with its task) makes the request
 * throw at once; the read then simply opens a new transaction.
 */
interface ReadBurst {
  store: IDBObjectStore;
  reads: number;
  started: number;
}

/** Reads one readonly transaction serves at most before the next read opens a new one. */
export const MAX_BURST_READS = 64;

/** Age after which a burst's transaction takes no more reads, in ms. */
export const MAX_BURST_MS = 20;

const bursts = new Map<string, ReadBurst>();

/** Counters for tests and profiling: reads served by an open burst vs by a new transaction. */
export const readBurstStats = { shared: 0, opened: 0 };

/** Ends the current burst of `namespace` (call before issuing a write from this worker). */
export function endReadBurst(namespace: string): void {
  bursts.delete(namespace);
}

/** How a read started by {@link readInBurst} reports its outcome. */
export interface ReadSettle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Handlers for one request of a read in a shared transaction: `onValue` gets the result (a
 * throw rejects the read); a failed request rejects this read only, its error kept from
 * aborting the shared transaction, so other reads in the burst are not affected.
 */
export function onRead<R>(request: IDBRequest<R>, onValue: (result: R) => void, settle: ReadSettle<never>): void {
  request.onsuccess = () => {
    try {
      onValue(request.result);
    } catch (error) {
      settle.reject(error);
    }
  };
  request.onerror = (event) => {
    event.preventDefault();
    event.stopPropagation();
    settle.reject(request.error ?? new Error('read failed'));
  };
}

/**
 * Starts one read on the burst's transaction (or a new one) and resolves with what it
 * settles with. `start` issues its first request at once (a transaction that is no longer
 * active makes that throw, and the read falls back to a new transaction), attaches its
 * handlers with {@link onRead} and may issue further requests from them (a range read in
 * chunks); a rejection goes through `toError`.
 */
export function readInBurst<T>(
  namespace: string,
  start: (store: IDBObjectStore, settle: ReadSettle<T>) => void,
  toError: (error: unknown) => Error,
  openReadonly: () => Promise<IDBTransaction>,
): Promise<T> {
  // `start` runs outside the Promise executor: a request refused at once (an inactive
  // transaction) must throw here, so the caller can fall back to a new transaction.
  const run = (store: IDBObjectStore): Promise<T> => {
    let settle!: ReadSettle<T>;
    const read = new Promise<T>((resolve, reject) => {
      settle = { resolve, reject: (error) => reject(toError(error)) };
    });
    start(store, settle);
    return read;
  };
  const shared = sharedStore(namespace);
  if (shared) {
    try {
      const read = run(shared);
      readBurstStats.shared += 1;
      return read;
    } catch {
      // Inactive or finished: this read starts a new burst.
      bursts.delete(namespace);
    }
  }
  const db = openKvDatabaseNow(namespace);
  if (db) {
    try {
      return run(startBurst(namespace, db.transaction(KV_STORE, 'readonly')));
    } catch {
      // Closed under us: the async path reopens the connection.
    }
  }
  return openReadonly().then((transaction) => {
    try {
      return run(startBurst(namespace, transaction));
    } catch (error) {
      throw toError(error);
    }
  });
}

function sharedStore(namespace: string): IDBObjectStore | undefined {
  const burst = bursts.get(namespace);
  if (!burst) return undefined;
  if (burst.reads >= MAX_BURST_READS || performance.now() - burst.started > MAX_BURST_MS) {
    bursts.delete(namespace);
    return undefined;
  }
  burst.reads += 1;
  return burst.store;
}

function startBurst(namespace: string, transaction: IDBTransaction): IDBObjectStore {
  const burst: ReadBurst = { store: transaction.objectStore(KV_STORE), reads: 1, started: performance.now() };
  const end = (): void => {
    if (bursts.get(namespace) === burst) bursts.delete(namespace);
  };
  transaction.addEventListener('complete', end);
  transaction.addEventListener('abort', end);
  bursts.set(namespace, burst);
  readBurstStats.opened += 1;
  return burst.store;
}
