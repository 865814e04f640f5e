import { HostError, type HostContext } from '../hostContract';
import { backendOf } from '../backend/backendOf';
import type { KvChange, KvStorage } from '../backend/backendTypes';

/** A committed change as watchers receive it (defined by the backend seam). */
export type { KvChange } from '../backend/backendTypes';

/**
 * State of one keyvalue host instance (one guest in one run worker). The store, atomics
 * and batch interfaces share it, and the watcher delivery in `attachExports` reads it.
 */
export interface KvHostState {
  ctx: HostContext;
  namespace: string;
  origin: string;
  /** Buckets this guest has opened or is configured with; watcher notifications are limited to them. */
  opened: Set<string>;
  /** Host calls of this package currently in flight (the guest is suspended in one). */
  busy: number;
  /** Called whenever `busy` drops to zero, so queued watcher deliveries can proceed. */
  onIdle: () => void;
  /** Where the data lives (IndexedDB or NATS key-value), bound to this instance's origin. */
  kv: KvStorage;
  /** Called when the guest opens a bucket, so a watcher can start watching it. */
  onOpened: (bucket: string) => void;
}

let instances = 0;

/** New state for a guest. */
export function createKvHostState(ctx: HostContext): KvHostState {
  instances += 1;
  const origin = `${ctx.config.guest}#${instances}#${Math.random().toString(36).slice(2, 8)}`;
  return {
    ctx,
    namespace: ctx.config.namespace,
    origin,
    opened: new Set(),
    busy: 0,
    onIdle: () => undefined,
    kv: backendOf(ctx).kv(ctx.config.namespace, origin),
    onOpened: () => undefined,
  };
}

/** Announces committed changes to other guests' watchers. */
export function publishChanges(state: KvHostState, changes: Omit<KvChange, 'origin'>[]): void {
  if (changes.length > 0) state.kv.announce(changes);
}

/**
 * Runs one host call: counts it as in flight (watcher deliveries wait until the guest is
 * no longer suspended in this package) and turns unexpected exceptions into the
 * `error::other` variant so the guest gets `err(...)` instead of a trap.
 */
export async function hostCall<T>(state: KvHostState, body: () => Promise<T> | T): Promise<T> {
  state.busy += 1;
  try {
    return await body();
  } catch (error) {
    throw asStoreError(error);
  } finally {
    state.busy -= 1;
    if (state.busy === 0) state.onIdle();
  }
}

/** Keeps HostErrors as they are and maps anything else to `{tag:'other', val: text}`. */
export function asStoreError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new HostError({ tag: 'other', val: text });
}
