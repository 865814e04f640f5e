import { readOnce, runKvTransaction } from './runKvTransaction';

/**
 * Key-value entries of one namespace, stored in IndexedDB under the compound key
 * [bucket, key]. Every function runs in a single transaction, so a multi-key write either
 * lands completely or not at all.
 */

/** Entry as stored: the compound primary key of the single object store. */
export type KvKey = [bucket: string, key: string];

/** Copies bytes so later reuse of guest memory (or caller buffers) cannot alter stored data. */
export function copyBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value);
}

/** Normalizes what IndexedDB hands back (a structured clone) into a plain Uint8Array. */
export function asBytes(stored: unknown): Uint8Array | undefined {
  if (stored === undefined) return undefined;
  if (stored instanceof Uint8Array) return stored;
  if (stored instanceof ArrayBuffer) return new Uint8Array(stored);
  if (ArrayBuffer.isView(stored)) return new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  throw new TypeError(`stored value is not bytes (${typeof stored})`);
}

/** Reads one value; undefined when the key is missing. */
export function getEntry(namespace: string, bucket: string, key: string): Promise<Uint8Array | undefined> {
  // A single read is final when its request succeeds; waiting for the readonly
  // transaction's `complete` as well would add a round trip to every `get`.
  return readOnce(namespace, (store) => store.get([bucket, key]), asBytes);
}

/** Reads several values in one snapshot; `undefined` where a key is missing. */
export function getEntries(namespace: string, bucket: string, keys: string[]): Promise<(Uint8Array | undefined)[]> {
  return runKvTransaction(namespace, 'readonly', (tx) => {
    const values: (Uint8Array | undefined)[] = new Array(keys.length);
    keys.forEach((key, index) => {
      tx.then(tx.store.get([bucket, key]), (value) => {
        values[index] = asBytes(value);
      });
    });
    tx.resolveWith(values);
    tx.commit();
  });
}

/** True when the key exists (without transferring the value). */
export function hasEntry(namespace: string, bucket: string, key: string): Promise<boolean> {
  return readOnce(namespace, (store) => store.count([bucket, key]), (count) => count > 0);
}

/** Writes all pairs atomically. Values are copied before the first await. */
export function putEntries(namespace: string, bucket: string, pairs: [string, Uint8Array][]): Promise<void> {
  const copies = pairs.map(([key, value]): [string, Uint8Array] => [key, copyBytes(value)]);
  return runKvTransaction<void>(namespace, 'readwrite', (tx) => {
    for (const [key, value] of copies) tx.store.put(value, [bucket, key]);
    tx.commit();
  });
}

/**
 * Deletes all keys atomically; missing keys are ignored. Resolves with the keys that
 * existed, so callers can announce only real deletions to watchers.
 */
export function deleteEntries(namespace: string, bucket: string, keys: string[]): Promise<string[]> {
  return runKvTransaction<string[]>(namespace, 'readwrite', (tx) => {
    const existed: string[] = [];
    for (const key of new Set(keys)) {
      tx.then(tx.store.count([bucket, key]), (count) => {
        if (count > 0) existed.push(key);
      });
      tx.store.delete([bucket, key]);
    }
    tx.resolveWith(existed);
    tx.commit();
  });
}

/**
 * Read-modify-write of one key inside ONE readwrite transaction. IndexedDB serializes
 * readwrite transactions with overlapping scope across all workers and tabs of the origin,
 * which is what makes increment and compare-and-swap atomic. `update` returns the new
 * value (or `undefined` to leave the entry untouched) and the result to resolve with; a
 * throw from `update` aborts the transaction and rejects with that error.
 */
export function updateEntry<R>(
  namespace: string,
  bucket: string,
  key: string,
  update: (current: Uint8Array | undefined) => { write?: Uint8Array; result: R },
): Promise<R> {
  return runKvTransaction<R>(namespace, 'readwrite', (tx) => {
    tx.then(tx.store.get([bucket, key]), (stored) => {
      const { write, result } = update(asBytes(stored));
      if (write !== undefined) tx.store.put(copyBytes(write), [bucket, key]);
      tx.resolveWith(result);
      // Issued from the read's success handler, so the read-modify-write is complete.
      tx.commit();
    });
  });
}
