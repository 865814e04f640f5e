import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_FLUSHES, flushAllBuses, MAX_BATCH, MAX_BATCH_AGE_MS, openBus, type BusMessagePacket, type BusPacket } from './createBus';
import { packBytes, PACK_MAX_BYTES } from './packBatchBytes';

let ns = 0;
const freshNamespace = () => `test-bus-${process.pid}-${++ns}`;
const packet = (n: number): BusPacket => ({ type: 'message', envelope: { id: `m${n}`, subject: 't' }, data: new Uint8Array([n & 255]) });
const opened: Array<{ close(): void }> = [];
const open = (namespace: string, clock?: () => number) => {
  const bus = openBus(namespace, clock);
  opened.push(bus);
  return bus;
};

afterEach(() => {
  for (const bus of opened.splice(0)) bus.close();
  vi.restoreAllMocks();
});

/** Resolves once `count` packets arrived at `bus` (in arrival order). */
function collect(bus: ReturnType<typeof openBus>, count: number): Promise<string[]> {
  const ids: string[] = [];
  return new Promise((resolve) => {
    bus.listen((p) => {
      if (p.type === 'message') ids.push(p.envelope.id!);
      if (ids.length === count) resolve(ids);
    });
  });
}

describe('openBus coalesces the posts of one task', () => {
  it('sends the first post of a task at once and the rest in batches, in order, none lost', async () => {
    const namespace = freshNamespace();
    // A clock that stands still: on a loaded machine the burst's posts took MAX_BATCH_AGE_MS
    // of real time, and the age rule (its own test below) sent part of it early.
    const tx = open(namespace, () => 0);
    const rx = open(namespace);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    const got = collect(rx, 200);
    tx.post(packet(0));
    expect(posted).toHaveBeenCalledTimes(1); // a lone send is never held back
    expect(posted.mock.calls[0]![0]).toMatchObject({ type: 'message' }); // a plain packet, as older builds expect
    for (let i = 1; i <= MAX_BATCH; i++) tx.post(packet(i));
    expect(posted).toHaveBeenCalledTimes(2); // the burst went out when it held MAX_BATCH packets
    expect(posted.mock.calls[1]![0]).toHaveLength(MAX_BATCH);
    for (let i = MAX_BATCH + 1; i < 200; i++) tx.post(packet(i));
    const ids = await got; // the tail went out at the end of the task
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => `m${i}`));
    expect(posted.mock.calls.length).toBeLessThan(10);
  });

  it('sends a burst whose first packet waited MAX_BATCH_AGE_MS, and flushAllBuses sends what waits', () => {
    let now = 0;
    const tx = open(freshNamespace(), () => now);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    tx.post(packet(0));
    tx.post(packet(1));
    tx.post(packet(2));
    expect(posted).toHaveBeenCalledTimes(1);
    now += MAX_BATCH_AGE_MS;
    tx.post(packet(3));
    expect(posted).toHaveBeenCalledTimes(2);
    expect(posted.mock.calls[1]![0]).toHaveLength(3);
    tx.post(packet(4));
    flushAllBuses(); // what the run worker does before reporting a result
    expect(posted).toHaveBeenCalledTimes(3);
    expect(posted.mock.calls[2]![0]).toMatchObject({ envelope: { id: 'm4' } });
  });

  it('delivers waiting packets to listeners in the same worker and before closing', async () => {
    const namespace = freshNamespace();
    const tx = open(namespace);
    const rx = open(namespace);
    const remote = collect(rx, 5);
    for (let i = 0; i < 5; i++) tx.post(packet(i));
    tx.close(); // closing sends the burst first
    expect(await remote).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    // Listeners in the posting worker hear a batch too (a cloned copy, as a remote one would).
    const tx2 = open(namespace);
    const local2 = collect(tx2, 3);
    for (let i = 0; i < 3; i++) tx2.post(packet(i));
    expect(await local2).toEqual(['m0', 'm1', 'm2']);
  });

  it('packs the small payloads of a batch into one buffer, and receivers get each payload as its own bytes', async () => {
    const namespace = freshNamespace();
    const tx = open(namespace);
    const rx = open(namespace);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    const big = new Uint8Array(PACK_MAX_BYTES + 1).fill(7);
    const sent: BusPacket[] = [packet(0), packet(1), packet(2), { type: 'message', envelope: { id: 'big', subject: 't' }, data: big }, { type: 'claimed', id: 'x', group: 'g', by: 'o' }, packet(3)];
    const got: BusMessagePacket[] = [];
    const all = new Promise<void>((resolve) => rx.listen((p) => { if (p.type === 'message') got.push(p); if (got.length === 5) resolve(); }));
    for (const p of sent) tx.post(p);
    await all;
    const batch = posted.mock.calls[1]![0] as BusMessagePacket[];
    // The first post went alone; the batch is p1, p2, big, claimed, p3.
    expect(batch[0]!.data.buffer).toBe(batch[1]!.data.buffer); // one shared buffer on the wire
    expect(batch[1]!.data.buffer).toBe(batch[4]!.data.buffer);
    expect(batch[2]!.data).toBe(big); // a large payload keeps its own
    expect(batch[1]!.data).not.toBe((sent[2] as BusMessagePacket).data); // the posted packets are left as they were
    expect((sent[2] as BusMessagePacket).data.buffer.byteLength).toBe(1);
    expect(got.map((p) => p.envelope.id)).toEqual(['m0', 'm1', 'm2', 'big', 'm3']);
    expect(got.map((p) => [...p.data.slice(0, 1)])).toEqual([[0], [1], [2], [7], [3]]);
    for (const p of got) expect(p.data.buffer.byteLength).toBe(p.data.byteLength); // each its own bytes
    expect(got[3]!.data).toEqual(big);
  });

  it('leaves a batch with fewer than two small payloads unchanged', () => {
    const one: BusPacket[] = [packet(1), { type: 'notice', name: 'logged' }];
    expect(packBytes(one)).toBe(one);
  });

  it('sends a burst when the posting code yields to a microtask checkpoint, the first EARLY_FLUSHES times in a task', async () => {
    const tx = open(freshNamespace());
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    tx.post(packet(0)); // at once
    tx.post(packet(1));
    tx.post(packet(2));
    expect(posted).toHaveBeenCalledTimes(1);
    await Promise.resolve(); // the guest suspends (a paced guest's sleep): its burst goes out now
    expect(posted).toHaveBeenCalledTimes(2);
    expect(posted.mock.calls[1]![0]).toHaveLength(2);
    // A guest suspending after every send in one task: early flushes until EARLY_FLUSHES, then batches.
    for (let i = 3; i < 3 + EARLY_FLUSHES + 3; i++) {
      tx.post(packet(i));
      await Promise.resolve();
    }
    expect(posted).toHaveBeenCalledTimes(1 + EARLY_FLUSHES);
    flushAllBuses();
    expect(posted).toHaveBeenCalledTimes(2 + EARLY_FLUSHES);
    expect(posted.mock.calls.at(-1)![0]).toHaveLength(4);
  });
});
