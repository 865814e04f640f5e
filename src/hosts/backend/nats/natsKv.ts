import { Kvm, KvWatchInclude, type KV, type KvEntry } from '@nats-io/kv';
import { HostError } from '../../hostContract';
import type { KeyBounds } from '../../idb/kvKeyRanges';
import type { KvChange, KvStorage } from '../backendTypes';
import type { NatsLink } from './connectNats';
import { markSubscribing } from './markSubscribing';
import { decodeKey, encodeKey, kvBucketName } from './natsNames';
import { failOnLoss, LOST_DURING_CALL } from './failOnLoss';

/** Attempts of one revision-checked update before giving up (each conflict is real progress by someone else). */
const MAX_UPDATE_ATTEMPTS = 1000;

/**
 * Opens (creating on first use) the JetStream KV bucket of each wasi bucket, once per
 * connection. History 1: wasi:keyvalue has no history, and the watcher only needs updates.
 */
export function createKvBuckets(link: NatsLink): (namespace: string, bucket: string) => Promise<KV> {
  const kvm = new Kvm(link.nc);
  const open = new Map<string, Promise<KV>>();
  return (namespace, bucket) => {
    const name = kvBucketName(namespace, bucket);
    let pending = open.get(name);
    if (!pending) {
      // create() returns the existing bucket when its config matches; one made by another
      // client with other options is opened as it is.
      pending = kvm.create(name, { history: 1 }).catch(() => kvm.open(name));
      pending.catch(() => open.delete(name));
      open.set(name, pending);
    }
    return pending;
  };
}

/**
 * Key-value storage on JetStream KV. Atomic operations use revision-checked writes
 * (`create` when absent, `update(key, value, revision)` otherwise) and retry on conflict,
 * so increment and cas are atomic across machines. Key order (for cursors and ranges) is
 * the decoded keys sorted by UTF-16 code units, as in IndexedDB.
 */
export function createNatsKv(link: NatsLink, buckets: ReturnType<typeof createKvBuckets>, namespace: string): KvStorage {
  // This instance's own writes, so its watcher is not called for them (as on the browser).
  const ownRevisions = new Set<string>();
  const ownDeletes = new Map<string, number>();
  const rememberRevision = (bucket: string, revision: number): void => {
    ownRevisions.add(`${bucket}\u0000${revision}`);
    if (ownRevisions.size > 10_000) ownRevisions.delete(ownRevisions.values().next().value as string);
  };

  /** Every call starts here: fail at once (not after a timeout) while disconnected. */
  const bucketOf = async (bucket: string): Promise<KV> => {
    guard(link);
    try {
      return await buckets(namespace, bucket);
    } catch (error) {
      throw storeError(link, error);
    }
  };
  const run = async <T>(bucket: string, body: (kv: KV) => Promise<T>): Promise<T> => {
    const kv = await bucketOf(bucket);
    try {
      // A call in flight when the connection drops fails then, not at the request timeout.
      return await failOnLoss(link, body(kv), LOST_DURING_CALL);
    } catch (error) {
      throw storeError(link, error);
    }
  };

  const read = async (kv: KV, key: string): Promise<Uint8Array | undefined> => valueOf(await kv.get(encodeKey(key)));

  const sortedKeys = async (kv: KV): Promise<string[]> => {
    const keys: string[] = [];
    for await (const k of await kv.keys()) keys.push(decodeKey(k));
    return keys.sort(compareCodeUnits);
  };

  const deleteKeys = async (kv: KV, bucket: string, keys: string[]): Promise<string[]> => {
    const existed: string[] = [];
    for (const key of new Set(keys)) {
      if ((await read(kv, key)) === undefined) continue;
      const id = `${bucket}\u0000${key}`;
      ownDeletes.set(id, (ownDeletes.get(id) ?? 0) + 1);
      await kv.delete(encodeKey(key));
      existed.push(key);
    }
    return existed;
  };

  return {
    get: (bucket, key) => run(bucket, (kv) => read(kv, key)),
    getMany: (bucket, keys) => run(bucket, (kv) => Promise.all(keys.map((key) => read(kv, key)))),
    has: (bucket, key) => run(bucket, async (kv) => (await read(kv, key)) !== undefined),
    putMany: (bucket, pairs) =>
      run(bucket, async (kv) => {
        for (const [key, value] of pairs) rememberRevision(bucket, await kv.put(encodeKey(key), new Uint8Array(value)));
      }),
    deleteMany: (bucket, keys) => run(bucket, (kv) => deleteKeys(kv, bucket, keys)),
    update: (bucket, key, step) =>
      run(bucket, async (kv) => {
        const k = encodeKey(key);
        for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
          const entry = await kv.get(k);
          const { write, result } = step(valueOf(entry));
          if (write === undefined) return result;
          try {
            const revision = entry ? await kv.update(k, new Uint8Array(write), entry.revision) : await kv.create(k, new Uint8Array(write));
            rememberRevision(bucket, revision);
            return result;
          } catch (error) {
            if (!isConflict(error)) throw error;
            guard(link);
            // Someone else wrote first: read again. A little jitter stops two writers lock-stepping.
            await new Promise((r) => setTimeout(r, Math.random() * Math.min(20, attempt + 1)));
          }
        }
        throw new HostError({ tag: 'other', val: `"${key}" kept changing under ${MAX_UPDATE_ATTEMPTS} attempts of a revision-checked update; value unchanged` });
      }),
    listKeys: (bucket, bounds, limit, reverse = false) =>
      run(bucket, async (kv) => {
        const keys = (await sortedKeys(kv)).filter((k) => inBounds(k, bounds));
        return (reverse ? keys.reverse() : keys).slice(0, limit);
      }),
    listKeysFromOffset: (bucket, offset, limit) => run(bucket, async (kv) => (await sortedKeys(kv)).slice(offset, offset + limit)),
    countKeys: (bucket, bounds = {}) => run(bucket, async (kv) => (await sortedKeys(kv)).filter((k) => inBounds(k, bounds)).length),
    deleteRange: (bucket, bounds = {}) =>
      run(bucket, async (kv) => (await deleteKeys(kv, bucket, (await sortedKeys(kv)).filter((k) => inBounds(k, bounds)))).length),
    readRange: (bucket, bounds, limit) =>
      run(bucket, async (kv) => {
        const keys = (await sortedKeys(kv)).filter((k) => inBounds(k, bounds)).slice(0, limit);
        const values = await Promise.all(keys.map((key) => read(kv, key)));
        return keys.flatMap((key, i): [string, Uint8Array][] => (values[i] === undefined ? [] : [[key, values[i]]]));
      }),
    // The KV stream itself tells every watcher; nothing to announce.
    announce: () => undefined,
    watch(bucket, onChange) {
      let stopped = false;
      let stopIter: (() => void) | undefined;
      // The watch is an ordered consumer of the bucket's stream, delivering updates made after
      // its creation: the guest counts as instantiated once the server has it (settlingBuses).
      const started = markSubscribing(link, (async () => {
        const kv = await buckets(namespace, bucket);
        return kv.watch({ include: KvWatchInclude.UpdatesOnly });
      })());
      void (async () => {
        const iter = await started;
        stopIter = () => iter.stop();
        if (stopped) return iter.stop();
        for await (const entry of iter) {
          const change = toChange(entry, bucket);
          if (change.op === 'set' && ownRevisions.delete(`${bucket}\u0000${entry.revision}`)) continue;
          const id = `${bucket}\u0000${change.key}`;
          const own = ownDeletes.get(id);
          if (change.op === 'delete' && own) {
            if (own === 1) ownDeletes.delete(id);
            else ownDeletes.set(id, own - 1);
            continue;
          }
          onChange(change);
        }
      })().catch((error: unknown) => console.error(`NATS KV watch of "${bucket}" ended`, error));
      return () => {
        stopped = true;
        stopIter?.();
      };
    },
  };
}

function toChange(entry: KvEntry, bucket: string): KvChange {
  const key = decodeKey(entry.key);
  if (entry.operation === 'PUT') return { op: 'set', bucket, key, value: new Uint8Array(entry.value), origin: 'nats' };
  return { op: 'delete', bucket, key, origin: 'nats' };
}

function valueOf(entry: KvEntry | null): Uint8Array | undefined {
  return entry && entry.operation === 'PUT' ? new Uint8Array(entry.value) : undefined;
}

function isConflict(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /wrong last sequence|key exists|already exists/i.test(text);
}

function guard(link: NatsLink): void {
  try {
    link.ensureConnected();
  } catch (error) {
    throw new HostError({ tag: 'other', val: (error as Error).message });
  }
}

function storeError(link: NatsLink, error: unknown): HostError {
  if (error instanceof HostError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const down = link.connected() ? '' : ' (the connection is down; reconnecting)';
  return new HostError({ tag: 'other', val: `NATS key-value on ${link.servers}: ${text}${down}` });
}

/** IndexedDB's string order: UTF-16 code units (not localeCompare). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inBounds(key: string, bounds: KeyBounds): boolean {
  if (bounds.lower !== undefined && (bounds.lowerExclusive ? key <= bounds.lower : key < bounds.lower)) return false;
  if (bounds.upper !== undefined && (bounds.upperExclusive ? key >= bounds.upper : key > bounds.upper)) return false;
  return true;
}
