import { openMessagingDatabase } from '../../messaging/claimMessage';
import type { Envelope } from '../../messaging/createEnvelope';

/** Object store of `${namespace}-msg` holding messages handed to a handler but not yet acked. */
const INFLIGHT = 'inflight';

/** One leased copy of a message; key [group, tag]. `holder` '' + `leaseUntil` 0 = waiting for redelivery. */
export interface InflightRecord {
  group: string;
  /** The message's envelope id. */
  id: string;
  /**
   * This delivered copy: a message sent twice (a publisher retry, a duplicating network)
   * reaches a fan-out subscriber as two copies with one id, each acked or nacked on its own,
   * as a broker keeps two entries. Records written before tags existed lack it: their key is the id.
   */
  tag?: string;
  envelope: Envelope;
  data: Uint8Array;
  holder: string;
  leaseUntil: number;
  /** How many times it was delivered again after the first delivery. */
  redelivery: number;
}

/** Runs `body` in one transaction on `inflight`; resolves with what it set once committed. */
async function inflightTx<T>(namespace: string, mode: IDBTransactionMode, body: (store: IDBObjectStore, set: (v: T) => void) => void): Promise<T> {
  const db = await openMessagingDatabase(namespace);
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(INFLIGHT, mode);
    let result: T | undefined;
    tx.oncomplete = () => resolve(result as T);
    tx.onerror = () => reject(new Error(`inflight store: ${String(tx.error)}`));
    tx.onabort = () => reject(new Error(`inflight store: transaction aborted (${String(tx.error)})`));
    body(tx.objectStore(INFLIGHT), (v) => { result = v; });
  });
}

/** Records a fresh delivery (before the handler sees it). */
export function putInflight(namespace: string, record: InflightRecord): Promise<void> {
  return inflightTx(namespace, 'readwrite', (store) => { store.put(record, [record.group, tagOf(record)]); });
}

/** The second part of a record's key. */
export function tagOf(record: InflightRecord): string {
  return record.tag ?? record.id;
}

/**
 * Applies `change` to the record if `holder` still holds it (get-then-put in one readwrite
 * transaction, which IndexedDB serialises across workers and tabs). `change` returning
 * undefined deletes the record. Resolves false when the lease was lost meanwhile.
 */
export function updateHeld(
  namespace: string, group: string, tag: string, holder: string,
  change: (r: InflightRecord) => InflightRecord | undefined,
): Promise<boolean> {
  return inflightTx<boolean>(namespace, 'readwrite', (store, set) => {
    set(false);
    const get = store.get([group, tag]);
    get.onsuccess = () => {
      const record = get.result as InflightRecord | undefined;
      if (!record || record.holder !== holder) return;
      const next = change(record);
      if (next === undefined) store.delete([group, tag]);
      else store.put(next, [group, tag]);
      set(true);
    };
  });
}

/** Extends the lease of every record `holder` still holds among `keys` ([group, tag]). */
export function renewLeases(namespace: string, keys: Array<[string, string]>, holder: string, until: number): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return inflightTx(namespace, 'readwrite', (store) => {
    for (const key of keys) {
      const get = store.get(key);
      get.onsuccess = () => {
        const record = get.result as InflightRecord | undefined;
        if (record && record.holder === holder) store.put({ ...record, leaseUntil: until }, key);
      };
    }
  });
}

/**
 * Takes over every record of `group` whose lease ended (holder died, or it was nacked):
 * one cursor over the group's key range [group, …] in one readwrite transaction, so two
 * subscribers never take the same record. Each taken record counts one more redelivery.
 * `takes` (default: every record) leaves the records it refuses to the group's other members.
 */
export function reclaimExpired(namespace: string, group: string, holder: string, leaseMs: number, takes?: (record: InflightRecord) => boolean): Promise<InflightRecord[]> {
  return inflightTx<InflightRecord[]>(namespace, 'readwrite', (store, set) => {
    const taken: InflightRecord[] = [];
    set(taken);
    const now = Date.now();
    // [group] sorts before every [group, id]; [group, []] after them (arrays > strings).
    const cursor = store.openCursor(IDBKeyRange.bound([group], [group, []]));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const record = c.value as InflightRecord;
      if (record.leaseUntil <= now && (takes === undefined || takes(record))) {
        const next = { ...record, holder, leaseUntil: now + leaseMs, redelivery: record.redelivery + 1 };
        c.update(next);
        taken.push(next);
      }
      c.continue();
    };
  });
}

/** Every record of a group (tests and the inspector). */
export function listInflight(namespace: string, group: string): Promise<InflightRecord[]> {
  return inflightTx<InflightRecord[]>(namespace, 'readonly', (store, set) => {
    const all = store.getAll(IDBKeyRange.bound([group], [group, []]));
    all.onsuccess = () => set(all.result as InflightRecord[]);
  });
}
