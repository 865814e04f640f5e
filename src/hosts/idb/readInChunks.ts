import { issueAllRecords, type StoredRecord } from './getAllRecords';
import { onRead, type ReadSettle } from './readInBurst';

/**
 * Records per request when a range is read in chunks. Chromium's IndexedDB backend spends
 * ~4x more CPU per record on one getAll / getAllKeys / getAllRecords of thousands of
 * records than on the same records fetched a few hundred at a time (measured in Chromium
 * 150, 100,000 16-byte values: ~2.3 s of backend CPU in requests of 1,000 or 10,000
 * records, ~0.5 s in requests of 100–500; log entries of ~300 bytes: the same step
 * between 256 and 512). A raw cursor is cheap there too but costs a success event per record.
 */
export const READ_CHUNK = 200;

/** What one chunk's request reads: keys only, or keys and values. */
interface ChunkReader<E> {
  issue(store: IDBObjectStore, range: IDBKeyRange, count: number): IDBRequest;
  /** The chunk's entries once its (last) request has succeeded, and the primary key of its last one. */
  entries(request: IDBRequest): { items: E[]; lastKey: () => IDBValidKey };
}

/** Primary keys (getAllKeys). */
export const keysReader: ChunkReader<IDBValidKey> = {
  issue: (store, range, count) => store.getAllKeys(range, count),
  entries: (request) => {
    const items = request.result as IDBValidKey[];
    return { items, lastKey: () => items[items.length - 1] };
  },
};

/** Keys and values (getAllRecords, else getAllKeys + getAll: src/hosts/idb/getAllRecords.ts). */
export const recordsReader: ChunkReader<StoredRecord> = (() => {
  const pending = new WeakMap<IDBRequest, () => StoredRecord[]>();
  return {
    issue: (store, range, count) => {
      const issued = issueAllRecords(store, range, count);
      pending.set(issued.request, issued.records);
      return issued.request;
    },
    entries: (request) => {
      const items = (pending.get(request) as () => StoredRecord[])();
      return { items, lastKey: () => items[items.length - 1].primaryKey };
    },
  };
})();

/**
 * Reads up to `limit` entries of `range` in key order, in chunks of {@link READ_CHUNK}, all
 * in the transaction of `store` (one snapshot, as one request would read), and settles with
 * the mapped entries. Each chunk's successor is requested before the chunk is mapped, so the
 * backend reads the next chunk while this thread converts the last one.
 */
export function readInChunks<E, T>(store: IDBObjectStore, range: IDBKeyRange, limit: number, reader: ChunkReader<E>, map: (entry: E) => T, settle: ReadSettle<T[]>): void {
  const out: T[] = [];
  // Entries asked for so far: the next chunk is issued before this one is mapped into `out`.
  let asked = 0;
  const next = (chunkRange: IDBKeyRange): void => {
    const count = Math.min(READ_CHUNK, limit - asked);
    asked += count;
    const request = reader.issue(store, chunkRange, count);
    onRead(
      request,
      () => {
        const { items, lastKey } = reader.entries(request);
        // A full chunk below the limit: the range may hold more, read on from its last key.
        const rest = items.length === count && asked < limit ? after(lastKey(), range) : undefined;
        if (rest) next(rest);
        for (let i = 0; i < items.length; i++) out.push(map(items[i]));
        if (!rest) settle.resolve(out);
      },
      settle,
    );
  };
  if (limit <= 0) settle.resolve(out);
  else next(range);
}

/** The part of `range` after `key` (exclusive), or undefined when `key` is its upper bound. */
function after(key: IDBValidKey, range: IDBKeyRange): IDBKeyRange | undefined {
  if (range.upper === undefined) return IDBKeyRange.lowerBound(key, true);
  return indexedDB.cmp(key, range.upper) >= 0 ? undefined : IDBKeyRange.bound(key, range.upper, true, range.upperOpen);
}
