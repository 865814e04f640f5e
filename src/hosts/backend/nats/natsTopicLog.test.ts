import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostContext, InterfaceImpl } from '../../hostContract';
import type { HostBackend } from '../backendTypes';
import type { NatsLink } from './connectNats';
import { createNatsBus } from './natsBus';
import { flushAllBuses } from '../../messaging/createBus';
import type { NatsStreams } from './natsStreams';
import { createMessagingHost } from '../../messaging/createMessagingHost';
import type { GuestImports } from '../../messaging/createTestGuest';
import { enableTopicLog } from '../../proposals/messagingExt/logPublications';

// On NATS the topic log (`subscribe-from`) is a subject of the namespace's stream that the
// sending host appends to itself: the guest's injected network faults (drop, duplicate) act
// on the publication to the topic, never on the log, as on the browser's IndexedDB log.

type Sub = { subject: string; callback: (error: unknown, msg: { subject: string; data: Uint8Array }) => void };

function fakeNats() {
  const subs: Sub[] = [];
  const nc = {
    publish: vi.fn(),
    isClosed: () => false,
    isDraining: () => false,
    flush: vi.fn(async () => undefined),
    subscribe: vi.fn((subject: string, opts: Omit<Sub, 'subject'>) => (subs.push({ subject, ...opts }), { unsubscribe: () => undefined })),
  };
  const link = { nc, servers: 'ws://test', connected: () => true, ensureConnected: () => undefined, onDown: () => () => undefined, arrived: async () => undefined } as unknown as NatsLink;
  let kept: string[] = [];
  const streams = {
    stream: 'ns-msgs',
    decided: (s: string) => kept.includes(s),
    retain: vi.fn(async (subjects: string[]) => void (kept = [...kept, ...subjects])),
  } as unknown as NatsStreams;
  return { nc, subs, streams, bus: createNatsBus(link, 'ns', { streams, track: () => undefined }) };
}

/** A producer guest on the NATS bus, with the given network faults, sending `count` messages. */
async function produce(faults: HostContext['config']['faults'], count: number) {
  enableTopicLog();
  const nats = fakeNats();
  const backend = { kind: 'nats', durable: () => ({}), bus: () => nats.bus } as unknown as HostBackend;
  const ctx: HostContext = { config: { guest: 'producer', namespace: 'ns', subscriptions: [], buckets: [], ...(faults ? { faults } : {}) }, emit: () => undefined, log: () => undefined, backend };
  const imports = (await createMessagingHost().create(ctx)) as Record<string, InterfaceImpl> as unknown as GuestImports;
  const client = imports.types.Client.connect('c');
  for (let i = 1; i <= count; i++) await imports.producer.send(client, 'deliveries', new imports.types.Message(new Uint8Array([i])));
  await vi.waitFor(() => expect(nats.nc.publish.mock.calls.filter((c) => c[0] !== 'deliveries')).toHaveLength(count));
  const on = (subject: string) => nats.nc.publish.mock.calls.filter((c) => c[0] === subject).map((c) => (c[1] as Uint8Array)[0]);
  return { ...nats, topic: on('deliveries'), log: on('$WCP.log.ns.deliveries') };
}

afterEach(() => vi.restoreAllMocks());

describe('the topic log on NATS', () => {
  it('holds every send once, in send order, whatever the network dropped or duplicated', async () => {
    const dropped = await produce({ seed: 1, dropProbability: 1 }, 3);
    expect(dropped.topic).toEqual([]);
    expect(dropped.log).toEqual([1, 2, 3]);
    const doubled = await produce({ seed: 1, duplicateProbability: 1 }, 3);
    expect(doubled.topic).toEqual([1, 1, 2, 2, 3, 3]);
    expect(doubled.log).toEqual([1, 2, 3]);
    const clean = await produce(undefined, 3);
    expect(clean.topic).toEqual([1, 2, 3]);
    expect(clean.log).toEqual([1, 2, 3]);
  });

  it('asks the stream to keep the namespace\'s logs before the first entry, once', async () => {
    const { streams, nc } = await produce(undefined, 3);
    expect(streams.retain).toHaveBeenCalledTimes(1);
    expect(streams.retain).toHaveBeenCalledWith(['$WCP.log.ns.>']);
    // The entry carries the send's CloudEvents envelope and answers nobody.
    const entry = nc.publish.mock.calls.find((c) => c[0] === '$WCP.log.ns.deliveries')!;
    expect((entry[2] as { headers: { get(k: string): string } }).headers.get('ce-subject')).toBe('deliveries');
    expect(entry[2]).not.toHaveProperty('reply');
  });

  it('leaves after its send\'s frame: in a later task, never between a send and its client write', async () => {
    const { bus, nc, streams } = fakeNats();
    await streams.retain(['$WCP.log.ns.>']);
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    const sendAndLog = (i: number) => {
      const packet = { type: 'message' as const, envelope: { id: `m${i}`, subject: 'orders', specversion: '1.0' }, data: new Uint8Array([i]) };
      bus.post(packet);
      bus.appendToLog!(packet);
    };
    const published = () => nc.publish.mock.calls.map((c) => `${c[0] as string}:${(c[1] as Uint8Array)[0]}`);
    // A burst: the first send leaves at once and alone; the rest of the burst is held until
    // the task ends, and the entries follow in a task of their own, in send order.
    sendAndLog(1);
    sendAndLog(2);
    expect(published()).toEqual(['orders:1']);
    await vi.waitFor(() => expect(published()).toHaveLength(4));
    expect(published().slice(1)).toEqual(['orders:2', '$WCP.log.ns.orders:1', '$WCP.log.ns.orders:2']);
    // After a burst a task's first send is held; its entry still comes after it.
    sendAndLog(3);
    expect(nc.publish).toHaveBeenCalledTimes(4);
    await vi.waitFor(() => expect(published().slice(4)).toEqual(['orders:3', '$WCP.log.ns.orders:3']));
    // That task sent one message (an entry is no send of its own): the next send leaves at once, alone.
    sendAndLog(4);
    expect(published().slice(6)).toEqual(['orders:4']);
    await vi.waitFor(() => expect(published().slice(7)).toEqual(['$WCP.log.ns.orders:4']));
    clock.mockRestore();
    bus.release();
  });

  it('hands a flood\'s entries over in batches, and every held entry before the run reports', async () => {
    const { bus, nc, streams } = fakeNats();
    await streams.retain(['$WCP.log.ns.>']);
    const entries = () => nc.publish.mock.calls.filter((c) => c[0] === '$WCP.log.ns.orders').length;
    for (let i = 0; i < 130; i++) {
      const packet = { type: 'message' as const, envelope: { id: `f${i}`, subject: 'orders', specversion: '1.0' }, data: new Uint8Array([i]) };
      bus.post(packet);
      bus.appendToLog!(packet);
    }
    // A flood that never yields does not pile its entries up: they leave 64 at a time.
    expect(entries()).toBe(128);
    flushAllBuses();
    expect(entries()).toBe(130);
    bus.release();
  });

  it('is not traffic: a subscriber to every topic (>) never receives a log entry', () => {
    const { bus, subs } = fakeNats();
    const got: string[] = [];
    bus.listen((p) => p.type === 'message' && got.push(p.envelope.subject!));
    bus.subscribe!('>');
    subs[0]!.callback(null, { subject: '$WCP.log.ns.deliveries', data: new Uint8Array() });
    subs[0]!.callback(null, { subject: 'deliveries', data: new Uint8Array() });
    expect(got).toEqual(['deliveries']);
  });
});
