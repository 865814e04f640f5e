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
 * `error::other` variant so the guest gets `err(...)` instead of a trap. `after` runs with
 * the value once the body has settled, before the call counts as done (announcing a
 * committed write to watchers); a throw from it fails the call like a throw from the body.
 *
 * One reaction on the body's promise, no async function: the guest resumes from the
 * promise jobs that run after IndexedDB's event, and every async layer (an `await`, an
 * async function's result) added one job to that path on every key-value call.
 * The call always answers with a promise, as the async function did: a guest's call is
 * never settled while it is still inside the import (a watcher delivery runs after it).
 */
export function hostCall<T>(state: KvHostState, body: () => Promise<T> | T, after?: (value: T) => void): Promise<T> {
  state.busy += 1;
  let pending: Promise<T> | T;
  try {
    pending = body();
  } catch (error) {
    pending = Promise.reject(error);
  }
  return Promise.resolve(pending).then(
    (value) => {
      try {
        after?.(value);
      } catch (error) {
        callDone(state);
        throw asStoreError(error);
      }
      callDone(state);
      return value;
    },
    (error: unknown) => {
      callDone(state);
      throw asStoreError(error);
    },
  );
}

function callDone(state: KvHostState): void {
  state.busy -= 1;
  if (state.busy === 0) state.onIdle();
}

/** Keeps HostErrors as they are and maps anything else to `{tag:'other', val: text}`. */
export function asStoreError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new HostError({ tag: 'other', val: text });
}
