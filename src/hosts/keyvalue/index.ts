import type { HostPackage } from '../hostContract';
import { createKeyvalueHost } from './createKeyvalueHost';

/** `wasi:keyvalue@0.2.0-draft2` (Spin's version): string cursors, s64 increment, cas. */
export const keyvalueDraft2Host: HostPackage = createKeyvalueHost('draft2');

/** `wasi:keyvalue@0.2.0-draft` (wasmtime's and wasmCloud's version): u64 cursors and increment. */
export const keyvalueDraftHost: HostPackage = createKeyvalueHost('draft');

/** Both keyvalue package versions; they share one IndexedDB store per namespace. */
export const keyvalueHosts: HostPackage[] = [keyvalueDraft2Host, keyvalueDraftHost];

export { createKeyvalueHost } from './createKeyvalueHost';
export { LIST_KEYS_PAGE_SIZE, type BucketResource, type CursorFlavour } from './createStoreInterface';
export type { KvChange } from './kvHostState';
