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
