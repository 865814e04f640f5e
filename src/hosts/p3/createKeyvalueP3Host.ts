import { HostError, type HostPackage } from '../hostContract';
import { createAtomicsInterface } from '../keyvalue/createAtomicsInterface';
import { createStoreInterface, type BucketResource } from '../keyvalue/createStoreInterface';
import { createKvHostState, hostCall, publishChanges, type KvHostState } from '../keyvalue/kvHostState';
import { sameBytes } from '../../platform/sameBytes';

/** Package id exactly as in wit/keyvalue-p3-0.1.0. */
export const keyvalueP3PackageId = 'proposal:keyvalue-p3@0.1.0';

/**
 * `proposal:keyvalue-p3@0.1.0`: the async (WASI 0.3) key-value proposal. It is the draft2
 * host's store and atomics (same IndexedDB store, same change announcements to watchers),
 * so a 0.2 guest and a 0.3 guest see one another's keys. Every function returns a Promise:
 * with `canon lower async` the guest is not suspended while it waits — it gets a subtask
 * and may start more calls, which is why these calls are traced with their start.
 */
export function createKeyvalueP3Host(): HostPackage {
  return {
    id: keyvalueP3PackageId,
    description: 'Proposal (WASI 0.3): async key-value store and atomics on the same IndexedDB store as the 0.2 hosts',
    concurrent: true,
    create(ctx) {
      const state = createKvHostState(ctx);
      const store = createStoreInterface(state, 'draft2');
      const { increment } = createAtomicsInterface(state, 'draft2');
      return {
        store,
        atomics: { increment, compareAndSwap: compareAndSwapFor(state) },
      };
    },
  };
}

/**
 * compare-and-swap by value: read, compare and write as one atomic update of the guest's
 * backend (an IndexedDB readwrite transaction, or a revision-checked NATS update), so no
 * handle has to keep a snapshot.
 */
function compareAndSwapFor(state: KvHostState) {
  return function compareAndSwap(bucket: BucketResource, key: string, expected: Uint8Array | undefined, value: Uint8Array): Promise<void> {
    // Copy before any await: the guest may reuse the memory behind the arguments.
    const want = expected === undefined ? undefined : new Uint8Array(expected);
    const bytes = new Uint8Array(value);
    return hostCall(state, async () => {
      type Outcome = { swapped: true } | { swapped: false; now: Uint8Array | undefined };
      let outcome: Outcome;
      try {
        outcome = await state.kv.update<Outcome>(bucket.name, key, (now) =>
          sameBytes(now, want) ? { write: bytes, result: { swapped: true } } : { result: { swapped: false, now } },
        );
      } catch (error) {
        const payload = error instanceof HostError ? error.payload : { tag: 'other', val: String(error) };
        throw new HostError({ tag: 'store-error', val: payload });
      }
      if (!outcome.swapped) {
        throw new HostError({ tag: 'cas-failed', val: outcome.now }, `cas-failed: "${key}" is not the expected value`);
      }
      publishChanges(state, [{ op: 'set', bucket: bucket.name, key, value: bytes }]);
    });
  };
}

