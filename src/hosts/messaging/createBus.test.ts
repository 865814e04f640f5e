import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushAllBuses, MAX_BATCH, MAX_BATCH_AGE_MS, openBus, type BusPacket } from './createBus';

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
    const tx = open(namespace);
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
});
