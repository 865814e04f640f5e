/**
 * Shared IndexedDB storage for key-value style hosts: one database `${namespace}-kv` with
 * one object store keyed by [bucket, key]. Hosts (keyvalue draft/draft2, range proposals)
 * build on these functions instead of opening IndexedDB themselves, so the database is
 * opened once per worker and every host sees the same data.
 */
export { KV_STORE, kvDatabaseName, openKvDatabase, forgetKvDatabase } from './openKvDatabase';
export { commitNow, runKvTransaction, toStoreError, STORE_FULL_TEXT, type KvTx } from './runKvTransaction';
export {
  asBytes,
  copyBytes,
  deleteEntries,
  getEntries,
  getEntry,
  hasEntry,
  putEntries,
  updateEntry,
  type KvKey,
} from './kvEntries';
export {
  bucketKeyRange,
  countKeysInRange,
  deleteKeysInRange,
  listKeysFromOffset,
  listKeysInRange,
  readEntriesInRange,
  type KeyBounds,
} from './kvKeyRanges';
export { getAllRecords, type StoredRecord } from './getAllRecords';
export { registerKvWatcher, writesAreWatched } from './kvWatchers';
