import type { BucketClass } from './createStoreInterface';
import type { KvChange, KvHostState } from './kvHostState';

/** The guest's exported `watcher` functions as jco generates them. */
interface WatcherExports {
  onSet?: (bucket: unknown, key: string, value: Uint8Array) => unknown;
  onDelete?: (bucket: unknown, key: string) => unknown;
}

/**
 * Finds the guest's watcher export. jco names it `watcher` in the world's export object,
 * but instantiation helpers may key it by interface id, with or without version.
 */
export function findWatcherExports(exports: Record<string, unknown>, packageId: string): WatcherExports | undefined {
  const [pkg, version] = packageId.split('@');
  const candidates = [exports.watcher, exports[`${pkg}/watcher@${version}`], exports[`${pkg}/watcher`]];
  for (const candidate of candidates) {
    if (candidate && typeof candidate === 'object') {
      const w = candidate as WatcherExports;
      if (typeof w.onSet === 'function' || typeof w.onDelete === 'function') return w;
    }
  }
  return undefined;
}

/**
 * Delivers changes made by other guests (any worker, any tab) to this guest's watcher.
 * Resolves when registered with the store (see KvStorage.startWatching). Re-entrancy guard:
 * deliveries run one at a time, never while the guest is suspended in
 * one of this package's host calls, and a change made by this guest itself (including from
 * inside on-set) is never echoed back to it, which would otherwise loop forever.
 */
export function watchKeyChanges(state: KvHostState, watcher: WatcherExports, Bucket: BucketClass): Promise<void> {
  const queue: KvChange[] = [];
  let delivering = false;

  async function drain(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      while (queue.length > 0 && state.busy === 0) await deliver(queue.shift()!);
    } finally {
      delivering = false;
    }
  }

  // The runtime wraps the export object it passes to attachExports and traces each call
  // as a host → guest event, so no extra trace event is emitted here.
  async function deliver(change: KvChange): Promise<void> {
    const fn = change.op === 'set' ? 'on-set' : 'on-delete';
    try {
      const bucket = new Bucket(change.bucket);
      if (change.op === 'set') await watcher.onSet?.(bucket, change.key, new Uint8Array(change.value ?? new Uint8Array()));
      else await watcher.onDelete?.(bucket, change.key);
    } catch (error) {
      // One failing callback must not stop later deliveries.
      state.ctx.log('stderr', `watcher ${fn}("${change.bucket}", "${change.key}") failed: ${String(error)}\n`);
    }
  }

  state.onIdle = () => void drain();
  // The backend filters out this instance's own changes and other buckets.
  const onChange = (change: KvChange): void => {
    if (change.op === 'set' ? !watcher.onSet : !watcher.onDelete) return;
    queue.push(change);
    void drain();
  };
  for (const bucket of state.opened) state.kv.watch(bucket, onChange);
  state.onOpened = (bucket) => void state.kv.watch(bucket, onChange);
  // Resolves once writers announce to this instance: the guest counts as started after that.
  // Should it fail (storage refused), the guest still runs; it says why it may hear nothing.
  return (state.kv.startWatching?.() ?? Promise.resolve()).catch((error: unknown) =>
    state.ctx.log('stderr', `watcher: could not register with the store, changes may not reach it: ${String(error)}\n`),
  );
}
