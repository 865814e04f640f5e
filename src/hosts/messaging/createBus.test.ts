import { afterEach, describe, expect, it } from 'vitest';
import { BUS_BATCH_MAX, openBus, type BusBatch, type BusPacket } from './createBus';

const opened: Array<{ close(): void }> = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));
const notice = (i: number): BusPacket => ({ type: 'notice', name: `n${i}`, offset: i });
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the BroadcastChannel bus batches across the worker boundary', () => {
  it('posts one channel message per task (at most BUS_BATCH_MAX packets, also across awaits of microtasks), delivered in order', async () => {
    const ns = `bus-batch-${Math.random()}`;
    const raw = new BroadcastChannel(`${ns}:bus`);
    opened.push(raw);
    const posts: BusBatch[] = [];
    raw.onmessage = (e) => posts.push(e.data as BusBatch);
    const sender = openBus(ns);
    const receiver = openBus(ns);
    opened.push(sender, receiver);
    const got: number[] = [];
    receiver.listen((p) => p.type === 'notice' && got.push(p.offset!));

    const n = 2 * BUS_BATCH_MAX + 10;
    // A JSPI guest's host calls resume through microtasks: those must not split the batch.
    for (let i = 0; i < n; i++) {
      sender.post(notice(i));
      await Promise.resolve();
    }
    await until(() => got.length === n && posts.reduce((sum, b) => sum + b.batch.length, 0) === n);
    expect(got).toEqual([...Array(n).keys()]);
    expect(posts.map((b) => b.batch.length)).toEqual([BUS_BATCH_MAX, BUS_BATCH_MAX, 10]);
  });

  it('copies a message payload at post time and still accepts single packets from older tabs', async () => {
    const ns = `bus-copy-${Math.random()}`;
    const sender = openBus(ns);
    const receiver = openBus(ns);
    opened.push(sender, receiver);
    const got: BusPacket[] = [];
    receiver.listen((p) => got.push(p));
    const data = new Uint8Array([1, 2, 3]);
    sender.post({ type: 'message', envelope: { id: 'a', subject: 't' }, data });
    data.fill(9); // the guest reuses its buffer before the batch goes out
    const old = new BroadcastChannel(`${ns}:bus`);
    opened.push(old);
    old.postMessage(notice(7));
    await until(() => got.length === 2);
    const message = got.find((p) => p.type === 'message');
    expect(message && [...message.data]).toEqual([1, 2, 3]);
    expect(got.some((p) => p.type === 'notice' && p.offset === 7)).toBe(true);
  });

  it('flushes what was posted when the bus closes right after', async () => {
    const ns = `bus-close-${Math.random()}`;
    const receiver = openBus(ns);
    opened.push(receiver);
    const got: BusPacket[] = [];
    receiver.listen((p) => got.push(p));
    const sender = openBus(ns);
    sender.post(notice(1));
    sender.close();
    await until(() => got.length === 1);
    expect(got).toHaveLength(1);
  });
});
