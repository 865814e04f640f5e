import { HostError, type HostContext } from '../hostContract';

/** A write announced on `${namespace}:kv-changes` to every other guest in every tab. */
export interface KvChange {
  op: 'set' | 'delete';
  bucket: string;
  key: string;
  /** New value for `set` (a structured clone travels with the message). */
  value?: Uint8Array;
  /** Host instance that made the change; it never delivers its own changes to itself. */
  origin: string;
}

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
  /** Lazily created channel, shared by publishing and listening (no self-echo). */
  channel?: BroadcastChannel;
}

let instances = 0;

/** New state for a guest. */
export function createKvHostState(ctx: HostContext): KvHostState {
  instances += 1;
  return {
    ctx,
    namespace: ctx.config.namespace,
    origin: `${ctx.config.guest}#${instances}#${Math.random().toString(36).slice(2, 8)}`,
    opened: new Set(),
    busy: 0,
    onIdle: () => undefined,
  };
}

/** The change channel of this instance, created on first use. */
export function changeChannel(state: KvHostState): BroadcastChannel {
  if (!state.channel) {
    state.channel = new BroadcastChannel(`${state.namespace}:kv-changes`);
    // Node (unit tests) keeps the process alive for an open channel; browsers have no unref.
    (state.channel as unknown as { unref?: () => void }).unref?.();
  }
  return state.channel;
}

/** Announces committed changes to other guests; a closed channel is not worth failing a write. */
export function publishChanges(state: KvHostState, changes: Omit<KvChange, 'origin'>[]): void {
  if (changes.length === 0 || typeof BroadcastChannel === 'undefined') return;
  const channel = changeChannel(state);
  for (const change of changes) {
    try {
      channel.postMessage({ ...change, origin: state.origin } satisfies KvChange);
    } catch (error) {
      state.ctx.log('stderr', `keyvalue: could not announce change of "${change.key}": ${String(error)}\n`);
    }
  }
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
