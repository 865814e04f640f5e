import { HostError } from '../hostContract';
import { hostCall, publishChanges, type KvHostState } from './kvHostState';

/** Keys per `list-keys` page. */
export const LIST_KEYS_PAGE_SIZE = 100;

/** Which package version's cursor type `list-keys` uses. */
export type CursorFlavour = 'draft' | 'draft2';

/** Host side of the `bucket` resource: methods take and return jco's JS shapes. */
export interface BucketResource {
  readonly name: string;
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, value: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  listKeys(cursor?: string | bigint): Promise<{ keys: string[]; cursor?: string | bigint }>;
}

/** Constructor of the bucket class; the watcher builds handles for `on-set`/`on-delete`. */
export type BucketClass = new (name: string) => BucketResource;

/** Builds the `store` interface (`open` + `Bucket`) for one guest. */
export function createStoreInterface(state: KvHostState, flavour: CursorFlavour) {
  const { kv } = state;

  class Bucket implements BucketResource {
    constructor(readonly name: string) {}

    /** Lets the trace diagram draw calls on this bucket as edges to the store. */
    get traceTarget() {
      return { type: 'store' as const, name: this.name };
    }

    get(key: string) {
      return hostCall(state, () => kv.get(this.name, key));
    }

    set(key: string, value: Uint8Array) {
      // Copy before any await: the guest may reuse the memory behind `value`.
      const bytes = new Uint8Array(value);
      // Announced once committed, before the guest resumes (hostCall's `after`).
      return hostCall(
        state,
        () => kv.putMany(this.name, [[key, bytes]]),
        () => publishChanges(state, [{ op: 'set', bucket: this.name, key, value: bytes }]),
      );
    }

    delete(key: string) {
      return hostCall(
        state,
        () => kv.deleteMany(this.name, [key]),
        (existed) => publishChanges(state, existed.map((k) => ({ op: 'delete' as const, bucket: this.name, key: k }))),
      ).then(() => undefined);
    }

    exists(key: string) {
      return hostCall(state, () => kv.has(this.name, key));
    }

    listKeys(cursor?: string | bigint) {
      return hostCall<{ keys: string[]; cursor?: string | bigint }>(state, () =>
        flavour === 'draft2' ? listAfterKey(this.name, cursor) : listFromOffset(this.name, cursor),
      );
    }
  }

  /** draft2: the cursor is opaque to the guest; it is the last key of the previous page. */
  async function listAfterKey(bucket: string, cursor: string | bigint | undefined) {
    if (cursor !== undefined && typeof cursor !== 'string') throw badCursor('a string', cursor);
    const bounds = cursor === undefined ? {} : { lower: cursor, lowerExclusive: true };
    const keys = await kv.listKeys(bucket, bounds, LIST_KEYS_PAGE_SIZE + 1);
    const more = keys.length > LIST_KEYS_PAGE_SIZE;
    const page = keys.slice(0, LIST_KEYS_PAGE_SIZE);
    return { keys: page, cursor: more ? page[page.length - 1] : undefined };
  }

  /** draft: the cursor is a u64 offset into the ordered keys of the bucket. */
  async function listFromOffset(bucket: string, cursor: string | bigint | undefined) {
    if (cursor !== undefined && typeof cursor !== 'bigint') throw badCursor('a u64 (bigint)', cursor);
    const offset = cursor ?? 0n;
    if (offset < 0n) throw badCursor('a non-negative u64', cursor);
    // Beyond 2^53 there cannot be that many keys; the page is simply empty.
    if (offset > BigInt(Number.MAX_SAFE_INTEGER)) return { keys: [], cursor: undefined };
    const keys = await kv.listKeysFromOffset(bucket, Number(offset), LIST_KEYS_PAGE_SIZE + 1);
    const more = keys.length > LIST_KEYS_PAGE_SIZE;
    return { keys: keys.slice(0, LIST_KEYS_PAGE_SIZE), cursor: more ? offset + BigInt(LIST_KEYS_PAGE_SIZE) : undefined };
  }

  function open(identifier: string): Promise<Bucket> {
    return hostCall(state, () => {
      const allowed = state.ctx.config.buckets;
      if (allowed.length > 0 && !allowed.includes(identifier)) {
        throw new HostError(
          { tag: 'no-such-store' },
          `no-such-store: bucket "${identifier}" is not in this guest's bucket list (${allowed.join(', ')})`,
        );
      }
      if (!state.opened.has(identifier)) {
        state.opened.add(identifier);
        state.onOpened(identifier);
      }
      return new Bucket(identifier);
    });
  }

  return { open, Bucket: Bucket as BucketClass & typeof Bucket };
}

function badCursor(expected: string, cursor: unknown): HostError {
  return new HostError({ tag: 'other', val: `list-keys cursor must be ${expected}, got ${typeof cursor} ${String(cursor)}` });
}
