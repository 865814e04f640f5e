import type { StoredRecord } from './getAllRecords';
import { asBytes } from './kvEntries';
import { keysReader, readInChunks, recordsReader } from './readInChunks';
import { readOnce, readSteps, runKvTransaction } from './runKvTransaction';

/**
 * Ordered key access inside one bucket. IndexedDB orders the compound key [bucket, key]
 * by bucket first, then key (strings compare by UTF-16 code units), so a bucket is one
 * contiguous key range and any [lower, upper] interval of its keys is a sub-range.
 */

/** Bounds on keys within one bucket; omitted bounds are open-ended. */
export interface KeyBounds {
  /** Smallest key (inclusive unless `lowerExclusive`). */
  lower?: string;
  /** Largest key (inclusive unless `upperExclusive`). */
  upper?: string;
  lowerExclusive?: boolean;
  upperExclusive?: boolean;
}

/**
 * IDBKeyRange over [bucket, key] for the given bounds. Arrays sort after every string in
 * IndexedDB, so [bucket, []] is an upper sentinel above all string keys of the bucket.
 */
export function bucketKeyRange(bucket: string, bounds: KeyBounds = {}): IDBKeyRange {
  const lower = [bucket, bounds.lower ?? ''];
  const upper = bounds.upper === undefined ? [bucket, []] : [bucket, bounds.upper];
  const lowerOpen = bounds.lower !== undefined && (bounds.lowerExclusive ?? false);
  const upperOpen = bounds.upper !== undefined && (bounds.upperExclusive ?? false);
  if (bounds.lower !== undefined && bounds.upper !== undefined) {
    const empty = bounds.lower > bounds.upper || (bounds.lower === bounds.upper && (lowerOpen || upperOpen));
    // IDBKeyRange.bound throws on an inverted range; an empty interval is not an error.
    if (empty) return IDBKeyRange.only([bucket, bounds.lower, 'empty']);
  }
  return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
}

/** Keys of `bucket` within `bounds`, in order (or reverse order), at most `limit`. */
export function listKeysInRange(
  namespace: string,
  bucket: string,
  bounds: KeyBounds,
  limit: number,
  reverse = false,
): Promise<string[]> {
  // getAllKeys in chunks (readInChunks.ts) on the readonly transaction of a burst of reads (readInBurst.ts).
  if (!reverse) return readSteps(namespace, (store, settle) => readInChunks(store, bucketKeyRange(bucket, bounds), limit, keysReader, keyPart, settle));
  return runKvTransaction(namespace, 'readonly', (tx) => {
    const range = bucketKeyRange(bucket, bounds);
    const keys: string[] = [];
    const request = tx.store.openKeyCursor(range, 'prev');
    tx.then(request, (cursor) => {
      if (cursor && keys.length < limit) {
        keys.push(keyPart(cursor.primaryKey));
        cursor.continue();
      } else tx.resolveWith(keys);
    });
  });
}

/** Keys and values of `bucket` within `bounds`, in order, at most `limit`, from one snapshot. */
export function readEntriesInRange(namespace: string, bucket: string, bounds: KeyBounds, limit: number): Promise<[string, Uint8Array][]> {
  // getAllRecords (or getAllKeys + getAll) in chunks of one transaction (readInChunks.ts),
  // shared with a burst of reads (readInBurst.ts): a guest paging through a range in a loop
  // opens one transaction for many pages.
  return readSteps(namespace, (store, settle) => readInChunks(store, bucketKeyRange(bucket, bounds), limit, recordsReader, toPair, settle));
}

const toPair = (r: StoredRecord): [string, Uint8Array] => [keyPart(r.primaryKey), asBytes(r.value) ?? new Uint8Array()];

/** Keys of `bucket` in order, skipping the first `offset`, at most `limit`. */
export function listKeysFromOffset(namespace: string, bucket: string, offset: number, limit: number): Promise<string[]> {
  return runKvTransaction(namespace, 'readonly', (tx) => {
    const keys: string[] = [];
    let skipped = offset === 0;
    tx.then(tx.store.openKeyCursor(bucketKeyRange(bucket)), (cursor) => {
      if (!cursor) return tx.resolveWith(keys);
      if (!skipped) {
        skipped = true;
        return cursor.advance(offset);
      }
      keys.push(keyPart(cursor.primaryKey));
      if (keys.length < limit) cursor.continue();
      else tx.resolveWith(keys);
    });
  });
}

/** Number of keys of `bucket` within `bounds`. */
export function countKeysInRange(namespace: string, bucket: string, bounds: KeyBounds = {}): Promise<number> {
  return readOnce(namespace, (store) => store.count(bucketKeyRange(bucket, bounds)));
}

/** Deletes every key of `bucket` within `bounds` atomically; resolves with how many. */
export function deleteKeysInRange(namespace: string, bucket: string, bounds: KeyBounds = {}): Promise<number> {
  return runKvTransaction(namespace, 'readwrite', (tx) => {
    const range = bucketKeyRange(bucket, bounds);
    tx.then(tx.store.count(range), (count) => {
      tx.store.delete(range);
      tx.resolveWith(count);
      tx.commit();
    });
  });
}

function keyPart(primaryKey: IDBValidKey): string {
  return (primaryKey as [string, string])[1];
}
