import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyvalueDraft2Host } from '../keyvalue/index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace } from '../keyvalue/createTestHost';

/** Web Locks as a browser keeps them: held until released (here: by the test, as a worker's end would). */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    manager: {
      request: (name: string, callback: () => Promise<unknown>) => {
        held.add(name);
        return callback();
      },
      query: async () => ({ held: [...held].map((name) => ({ name })), pending: [] }),
    },
  };
}

/** Registrations in a namespace's watcher store, read on a connection of its own. */
function registrations(namespace: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(`${namespace}-kv`);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction('watchers').objectStore('watchers').count();
      count.onsuccess = () => (db.close(), resolve(count.result));
    };
  });
}

/** Change notices posted on a namespace's kv-changes channel. */
function countNotices(namespace: string): () => number {
  let n = 0;
  const original = BroadcastChannel.prototype.postMessage;
  vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(function (this: BroadcastChannel, message: unknown) {
    if (this.name === `${namespace}:kv-changes`) n += 1;
    return original.call(this, message);
  });
  return () => n;
}

describe('key-value change notices go only where a watcher is registered', () => {
  let locks: ReturnType<typeof fakeLocks>;
  beforeEach(() => {
    locks = fakeLocks();
    vi.stubGlobal('navigator', { locks: locks.manager });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('posts nothing without a watcher, reaches a watcher from its registration on, and stops once its worker is gone', async () => {
    const namespace = uniqueNamespace();
    const notices = countNotices(namespace);
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const bucket = await writer.store.open('stock');
    await bucket.set('a', bytes('1'));
    await writer.atomics.increment(bucket, 'n', 1n);
    expect(notices()).toBe(0);

    const watching = makeTestContext(namespace, 'watcher', ['stock']);
    await createImports(keyvalueDraft2Host, watching.ctx);
    const seen: string[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, { watcher: { onSet: (_b: unknown, key: string, value: Uint8Array) => void seen.push(`${key}=${text(value)}`) } });
    // Registered when attachExports resolved: the very next write is heard.
    await bucket.set('b', bytes('2'));
    await writer.batch.setMany(bucket, [['c', bytes('3')]]);
    await vi.waitFor(() => expect(seen).toEqual(['b=2', 'c=3']));
    expect(notices()).toBe(2);

    // The watcher's worker ends: the browser releases its lock. A writer drops the record at
    // its next sweep (at most every 5 s), and writes after that post nothing.
    locks.held.clear();
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 6_000);
    await bucket.set('d', bytes('4'));
    await vi.waitFor(async () => {
      await bucket.set('e', bytes('5'));
      const before = notices();
      await bucket.set('f', bytes('6'));
      expect(notices()).toBe(before);
    });
  });

  it('stops counting registrations on a connection that saw none, until a registration upgrades the database', async () => {
    const namespace = uniqueNamespace();
    // The scopes of readwrite transactions on this namespace's database, in order.
    const scopes: string[] = [];
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode) {
      if (this.name === `${namespace}-kv` && mode === 'readwrite') scopes.push([names].flat().join('+'));
      return transaction.call(this, names, mode);
    });
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const bucket = await writer.store.open('stock');
    await bucket.set('a', bytes('1'));
    await bucket.set('b', bytes('2'));
    await writer.atomics.increment(bucket, 'n', 1n);
    // The first write counted and found nobody; the others left the registry out.
    expect(scopes).toEqual(['entries+watchers', 'entries', 'entries']);

    const watching = makeTestContext(namespace, 'watcher', ['stock']);
    await createImports(keyvalueDraft2Host, watching.ctx);
    const seen: string[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, { watcher: { onSet: (_b: unknown, key: string) => void seen.push(key) } });
    scopes.length = 0;
    await bucket.set('c', bytes('3'));
    await bucket.set('d', bytes('4'));
    // A new connection (the registration closed the old one) counts again, sees the watcher, keeps counting.
    expect(scopes).toEqual(['entries+watchers', 'entries+watchers']);
    await vi.waitFor(() => expect(seen).toEqual(['c', 'd']));
  });

  it('lands two registrations made at once from different connections', async () => {
    const namespace = uniqueNamespace();
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const bucket = await writer.store.open('stock');
    await bucket.set('a', bytes('1'));
    const [one, two] = [makeTestContext(namespace, 'one', ['stock']), makeTestContext(namespace, 'two', ['stock'])];
    await Promise.all([createImports(keyvalueDraft2Host, one.ctx), createImports(keyvalueDraft2Host, two.ctx)]);
    const seen: string[] = [];
    const watcher = (who: string) => ({ watcher: { onSet: (_b: unknown, key: string) => void seen.push(`${who}:${key}`) } });
    await Promise.all([keyvalueDraft2Host.attachExports!(one.ctx, watcher('one')), keyvalueDraft2Host.attachExports!(two.ctx, watcher('two'))]);
    expect(await registrations(namespace)).toBe(2);
    await bucket.set('b', bytes('2'));
    await vi.waitFor(() => expect(seen.sort()).toEqual(['one:b', 'two:b']));
  });

  it('keeps a live watcher registered through sweeps', async () => {
    const namespace = uniqueNamespace();
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const bucket = await writer.store.open('stock');
    const watching = makeTestContext(namespace, 'watcher', ['stock']);
    await createImports(keyvalueDraft2Host, watching.ctx);
    const seen: string[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, { watcher: { onSet: (_b: unknown, key: string) => void seen.push(key) } });
    const now = Date.now();
    for (let i = 1; i <= 3; i++) {
      vi.spyOn(Date, 'now').mockReturnValue(now + i * 6_000);
      await bucket.set(`k${i}`, bytes('x'));
      await new Promise((r) => setTimeout(r, 20));
    }
    await vi.waitFor(() => expect(seen).toEqual(['k1', 'k2', 'k3']));
  });
});
