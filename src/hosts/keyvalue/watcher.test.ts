import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { keyvalueDraft2Host, keyvalueDraftHost } from './index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace, type TestBucket } from './createTestHost';

type Seen = [op: string, bucket: string, key: string, value?: string];

/** A fake guest export object recording every watcher call. */
function recordingWatcher(seen: Seen[]) {
  return {
    onSet: (bucket: TestBucket, key: string, value: Uint8Array) => void seen.push(['set', bucket.name, key, text(value)]),
    onDelete: (bucket: TestBucket, key: string) => void seen.push(['delete', bucket.name, key]),
  };
}

describe('wasi:keyvalue watcher', () => {
  it('calls the guest on set and delete made by another host instance, only for opened buckets', async () => {
    const namespace = uniqueNamespace();
    const watching = makeTestContext(namespace, 'watcher');
    const watcherKv = await createImports(keyvalueDraft2Host, watching.ctx);
    const seen: Seen[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, { watcher: recordingWatcher(seen) });
    const watchedBucket = await watcherKv.store.open('orders');

    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const orders = await writer.store.open('orders');
    await (await writer.store.open('unwatched')).set('k', bytes('ignored'));
    await orders.set('o1', bytes('new'));
    await writer.atomics.increment(orders, 'count', 3n);
    await orders.delete('o1');
    await orders.delete('never-existed');
    await writer.batch.setMany(orders, [['o2', bytes('a')]]);

    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(seen).toEqual([
      ['set', 'orders', 'o1', 'new'],
      ['set', 'orders', 'count', '3'],
      ['delete', 'orders', 'o1'],
      ['set', 'orders', 'o2', 'a'],
    ]);
    // The watcher's own writes are not echoed back to it.
    await watchedBucket.set('mine', bytes('x'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(4);
  });

  it('watches the configured buckets of a guest that never opens one', async () => {
    const namespace = uniqueNamespace();
    const watching = makeTestContext(namespace, 'watch-only', ['inventory']);
    await createImports(keyvalueDraft2Host, watching.ctx);
    const seen: Seen[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, { watcher: recordingWatcher(seen) });

    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'clerk').ctx);
    await (await writer.store.open('elsewhere')).set('k', bytes('ignored'));
    const inventory = await writer.store.open('inventory');
    await inventory.set('apples', bytes('12'));
    await inventory.delete('apples');
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([['set', 'inventory', 'apples', '12'], ['delete', 'inventory', 'apples']]);
  });

  it('accepts the interface-id export key and serializes re-entrant deliveries', async () => {
    const namespace = uniqueNamespace();
    const watching = makeTestContext(namespace, 'watcher');
    const kv = await createImports(keyvalueDraft2Host, watching.ctx);
    const log = await kv.store.open('log');
    let active = 0;
    let maxActive = 0;
    const seen: string[] = [];
    await keyvalueDraft2Host.attachExports!(watching.ctx, {
      'wasi:keyvalue/watcher@0.2.0-draft2': {
        // The callback writes to the store itself; that write must not loop back.
        onSet: async (_bucket: TestBucket, key: string, value: Uint8Array) => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          await log.set(`seen-${key}`, value);
          seen.push(key);
          active -= 1;
        },
      },
    });
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const bucket = await writer.store.open('log');
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => bucket.set(key, bytes(key.toUpperCase()))));
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(maxActive).toBe(1);
    expect(text(await bucket.get('seen-c'))).toBe('C');
  });

  it('delivers draft2 writes to a draft guest watcher and logs failing callbacks', async () => {
    const namespace = uniqueNamespace();
    const watching = makeTestContext(namespace, 'old-watcher');
    const kv = await createImports(keyvalueDraftHost, watching.ctx);
    await kv.store.open('shared');
    const seen: Seen[] = [];
    await keyvalueDraftHost.attachExports!(watching.ctx, {
      'wasi:keyvalue/watcher': {
        onSet: (bucket: TestBucket, key: string, value: Uint8Array) => {
          seen.push(['set', bucket.name, key, text(value)]);
          if (key === 'boom') throw new Error('guest trapped');
        },
      },
    });
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    const shared = await writer.store.open('shared');
    await shared.set('boom', bytes('1'));
    await shared.set('after', bytes('2'));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toEqual(['set', 'shared', 'after', '2']);
    expect(watching.logs.join('')).toContain('guest trapped');
  });

  it('ignores export objects without a watcher', async () => {
    const namespace = uniqueNamespace();
    const guest = makeTestContext(namespace, 'plain');
    await (await createImports(keyvalueDraft2Host, guest.ctx)).store.open('b');
    await keyvalueDraft2Host.attachExports!(guest.ctx, { run: () => 0, watcher: { unrelated: 1 } });
    const writer = await createImports(keyvalueDraft2Host, makeTestContext(namespace, 'writer').ctx);
    await (await writer.store.open('b')).set('k', bytes('v'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(guest.logs).toEqual([]);
  });
});
