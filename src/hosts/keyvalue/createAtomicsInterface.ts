import { HostError } from '../hostContract';
import type { BucketResource, CursorFlavour } from './createStoreInterface';
import { asStoreError, hostCall, publishChanges, type KvHostState } from './kvHostState';
import { decodeCounter, encodeCounter } from './counterBytes';
import { sameBytes } from '../../platform/sameBytes';

const S64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n, name: 's64' };
const U64 = { min: 0n, max: 2n ** 64n - 1n, name: 'u64' };

/**
 * Builds `atomics`. draft2: `increment` on s64, plus the `cas` resource and `swap`.
 * draft: `increment` on u64 only. Both keep the counter as decimal text (see counterBytes).
 */
export function createAtomicsInterface(state: KvHostState, flavour: CursorFlavour) {
  const { kv } = state;
  const bounds = flavour === 'draft2' ? S64 : U64;

  function increment(bucket: BucketResource, key: string, delta: bigint): Promise<bigint> {
    return hostCall(state, async () => {
      if (typeof delta !== 'bigint') throw new HostError({ tag: 'other', val: `increment delta must be a bigint, got ${typeof delta}` });
      // One atomic read-modify-write (an IndexedDB readwrite transaction, or a NATS
      // revision-checked update retried on conflict): concurrent increments never lose updates.
      const next = await kv.update(bucket.name, key, (current) => {
        const sum = decodeCounter(current, key) + delta;
        if (sum < bounds.min || sum > bounds.max) {
          throw new HostError({ tag: 'other', val: `increment of "${key}" by ${delta} leaves the ${bounds.name} range (result ${sum}); value unchanged` });
        }
        return { write: encodeCounter(sum), result: sum };
      });
      publishChanges(state, [{ op: 'set', bucket: bucket.name, key, value: encodeCounter(next) }]);
      return next;
    });
  }

  if (flavour === 'draft') return { increment };

  /** Handles already passed to `swap` (which consumes them); a second use is a guest bug. */
  const consumed = new WeakSet<Cas>();

  /**
   * Compare-and-swap handle: remembers the value it saw when it was created. Only WIT
   * members live on the class, because the runtime traces every method and static of it.
   */
  class Cas {
    constructor(
      readonly bucket: string,
      readonly key: string,
      readonly seen: Uint8Array | undefined,
    ) {}

    /** Lets the trace diagram draw this call as an edge to the bucket. */
    get traceTarget() {
      return { type: 'store' as const, name: this.bucket };
    }

    /** Snapshot of `key` that a later `swap` compares against. */
    static new(bucket: BucketResource, key: string): Promise<Cas> {
      return hostCall(state, async () => new Cas(bucket.name, key, await kv.get(bucket.name, key)));
    }

    current(): Uint8Array | undefined {
      return this.seen === undefined ? undefined : new Uint8Array(this.seen);
    }
  }

  function swap(cas: Cas, value: Uint8Array): Promise<void> {
    const bytes = new Uint8Array(value);
    return hostCall(state, async () => {
      if (consumed.has(cas)) {
        throw new HostError({ tag: 'store-error', val: { tag: 'other', val: 'this cas handle was already used by swap' } });
      }
      consumed.add(cas);
      const seen = cas.seen;
      type Outcome = { swapped: true } | { swapped: false; now: Uint8Array | undefined };
      let outcome: Outcome;
      try {
        outcome = await kv.update<Outcome>(cas.bucket, cas.key, (now) =>
          sameBytes(now, seen) ? { write: bytes, result: { swapped: true } } : { result: { swapped: false, now } },
        );
      } catch (error) {
        throw new HostError({ tag: 'store-error', val: asStoreError(error).payload });
      }
      if (!outcome.swapped) {
        throw new HostError({ tag: 'cas-failed', val: new Cas(cas.bucket, cas.key, outcome.now) }, `cas-failed: "${cas.key}" changed since the cas handle was created`);
      }
      publishChanges(state, [{ op: 'set', bucket: cas.bucket, key: cas.key, value: bytes }]);
    });
  }

  return { increment, Cas, swap };
}

