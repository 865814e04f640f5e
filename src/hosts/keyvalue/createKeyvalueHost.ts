import type { HostContext, HostPackage } from '../hostContract';
import { createAtomicsInterface } from './createAtomicsInterface';
import { createBatchInterface } from './createBatchInterface';
import { createStoreInterface, type BucketClass, type BucketResource, type CursorFlavour } from './createStoreInterface';
import { createKvHostState, type KvHostState } from './kvHostState';
import { findWatcherExports, watchKeyChanges } from './watchKeyChanges';

/** Per-guest state plus the store interface, whose Bucket class the watcher also uses. */
interface Instance {
  state: KvHostState;
  store: { open: (identifier: string) => Promise<BucketResource>; Bucket: BucketClass };
}

/**
 * Builds a `wasi:keyvalue` host package for one package version. Both versions share the
 * IndexedDB storage in `src/hosts/idb`, so a value written by a draft guest is visible to a
 * draft2 guest opening the same bucket name.
 */
export function createKeyvalueHost(flavour: CursorFlavour): HostPackage {
  const id = flavour === 'draft2' ? 'wasi:keyvalue@0.2.0-draft2' : 'wasi:keyvalue@0.2.0-draft';
  // `attachExports` gets the same ctx as `create`; the WeakMap links the two without
  // keeping finished runs alive.
  const instances = new WeakMap<HostContext, Instance>();

  function instanceFor(ctx: HostContext): Instance {
    let instance = instances.get(ctx);
    if (!instance) {
      const state = createKvHostState(ctx);
      instance = { state, store: createStoreInterface(state, flavour) };
      instances.set(ctx, instance);
    }
    return instance;
  }

  return {
    id,
    description:
      flavour === 'draft2'
        ? 'Key-value store (store, atomics with cas, batch, watcher) kept in IndexedDB; string cursors'
        : 'Key-value store (store, atomics, batch, watcher) kept in IndexedDB; numeric cursors, as wasmtime and wasmCloud ship',
    create(ctx) {
      const { state, store } = instanceFor(ctx);
      return {
        store,
        atomics: createAtomicsInterface(state, flavour),
        batch: createBatchInterface(state),
      };
    },
    drives: { watcher: 'buckets' },
    attachExports(ctx, exports) {
      const watcher = findWatcherExports(exports, id);
      if (!watcher) return;
      const { state, store } = instanceFor(ctx);
      // A watch-service guest may export only the watcher and never call `open`: it then
      // watches the buckets its host configuration names (the Hosts tab's bucket list).
      for (const bucket of ctx.config.buckets) state.opened.add(bucket);
      // The guest receives handles of the same Bucket class `open` returns.
      return watchKeyChanges(state, watcher, store.Bucket);
    },
  };
}
