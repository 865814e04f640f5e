import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEvent_ } from '../../../trace/traceEvent';
import { waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { textOf, utf8, type ExtGuest } from '../../proposals/messagingExt/testGuests';
import { closeNatsExtGuests, createNatsExtGuest, haveNatsServer, startTestNatsServer, type TestNatsServer } from './testNatsServer';

// proposal:messaging-ext on a real nats-server (JetStream consumers), checked against what
// the browser backend does (acks.test.ts): a message sent twice (the `duplicate` fault, a
// publisher retry) is two deliveries, each acked or nacked on its own.

let server: TestNatsServer;
let n = 0;
const fresh = () => `natsacks${process.pid}n${++n}`;
beforeAll(async () => {
  if (haveNatsServer) server = await startTestNatsServer();
}, 20_000);
afterAll(async () => server?.stop());
afterEach(closeNatsExtGuests);

const redeliveryOf = (m: Message) => m.metadata()?.find(([k]) => k === 'redelivery')?.[1];
const messageEvents = (g: ExtGuest) => g.events.filter((e): e is MessageEvent_ => e.kind === 'message');
const actions = (g: ExtGuest) => messageEvents(g).map((e) => e.action);
const send = (g: ExtGuest, topic: string, text: string) => g.imports.producer.send(g.client, topic, new g.imports.types.Message(utf8(text)));
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!haveNatsServer)('acks on a real nats-server', () => {
  for (const group of ['', 'queue:']) {
    it(`redelivers the nacked copy of a message sent twice, the other copy acked (${group || 'fan-out'})`, async () => {
      const ns = fresh();
      // A topic of its own: NATS lets one stream (namespace) keep a subject.
      const topic = `deliveries${n}`;
      const subscription = `${group}${topic}`;
      const seen: Array<[string, string | undefined]> = [];
      const consumer = await createNatsExtGuest(server, ns, 'tally', {
        subscriptions: [subscription],
        handle: async (m: Message) => {
          seen.push([textOf(m), redeliveryOf(m)]);
          if (seen.length === 1) await settle(50);
          // The second copy fails once, as a flaky counter would: it must come back.
          if (seen.length === 2) await consumer.imports.acks.nack(m, true);
          else await consumer.imports.acks.ack(m);
        },
      });
      const producer = await createNatsExtGuest(server, ns, 'producer', { faults: { seed: 1, duplicateProbability: 1 } });
      await send(producer, topic, '#05');
      expect(messageEvents(producer).filter((e) => e.fault === 'duplicate')).toHaveLength(1);
      await waitFor(() => seen.length === 3 && actions(consumer).filter((a) => a === 'ack').length === 2, 'both copies acked', 8000).catch((e: unknown) => { throw new Error(`${String(e)}: seen ${JSON.stringify(seen)}, actions ${actions(consumer).join(' ')}, logs ${consumer.logs.join('')}`); });
      expect(seen).toEqual([['#05', undefined], ['#05', undefined], ['#05', '1']]);
      // Nothing more comes (no copy lost, none delivered a fourth time).
      await settle(500);
      expect(seen).toHaveLength(3);
      expect([...actions(consumer)].sort()).toEqual(['ack', 'ack', 'deliver', 'deliver', 'deliver', 'nack']);
      expect(consumer.logs).toEqual([]);
    }, 20_000);
  }
});

describe.skipIf(!haveNatsServer)('copies on a real nats-server, as on the browser', () => {
  it('hands a message once to a guest two of whose patterns match it', async () => {
    const ns = fresh();
    const t = `orders${n}`;
    const seen: string[] = [];
    // Nested, partly overlapping (kept as their cover `t.*.*`), and `#` for `>`.
    await createNatsExtGuest(server, ns, 'billing', { subscriptions: [`${t}.*`, `${t}.eu`, `${t}.*.eu`, `${t}.us.*`, `${t}.x.#`], handle: (m: Message) => void seen.push(m.topic() ?? '') });
    const producer = await createNatsExtGuest(server, ns, 'producer');
    for (const topic of [`${t}.eu`, `${t}.us.eu`, `${t}.uk.uk`, `${t}.us.uk`, `${t}.x.y.z`]) await send(producer, topic, 'one');
    await waitFor(() => seen.length >= 4, 'delivered', 8000);
    await settle(500);
    // `t.uk.uk` is in the cover but matches no pattern: not handed over.
    expect(seen.sort()).toEqual([`${t}.eu`, `${t}.us.eu`, `${t}.us.uk`, `${t}.x.y.z`]);
  }, 20_000);

  it('duplicates a delivery when the fault is at this guest\'s delivery; each copy settles on its own', async () => {
    const ns = fresh();
    const topic = `late${n}`;
    const seen: Array<[string, string | undefined]> = [];
    const consumer = await createNatsExtGuest(server, ns, 'tally', {
      subscriptions: [topic],
      faults: { seed: 1, duplicateProbability: 1, messagesAt: 'deliver' },
      handle: async (m: Message) => {
        seen.push([textOf(m), redeliveryOf(m)]);
        // As on the browser (acks.test.ts): the second copy's nack(requeue) brings it back.
        if (seen.length === 2) await consumer.imports.acks.nack(m, true);
        else await consumer.imports.acks.ack(m);
      },
    });
    const producer = await createNatsExtGuest(server, ns, 'producer');
    await send(producer, topic, 'x');
    await waitFor(() => seen.length === 3 && actions(consumer).filter((a) => a === 'ack').length === 2, 'both copies acked', 8000);
    await settle(500);
    expect(seen).toEqual([['x', undefined], ['x', undefined], ['x', '1']]);
    expect(messageEvents(consumer).filter((e) => e.fault === 'duplicate')).toHaveLength(1);
    expect(consumer.logs).toEqual([]);
  }, 20_000);

  it('drops a delivery when the fault is at this guest\'s delivery, traced; the server redelivers it after the ack wait, as a lost delivery', async () => {
    const ns = fresh();
    const topic = `lost${n}`;
    const seen: Array<[string, string | undefined]> = [];
    const consumer = await createNatsExtGuest(server, ns, 'tally', {
      subscriptions: [topic],
      leaseMs: 300,
      faults: { seed: 1, dropProbability: 1, messagesAt: 'deliver' },
      handle: (m: Message) => void seen.push([textOf(m), redeliveryOf(m)]),
    });
    const producer = await createNatsExtGuest(server, ns, 'producer');
    await send(producer, topic, 'gone');
    await waitFor(() => actions(consumer).includes('drop'), 'the drop traced', 8000);
    // Never acked: the server still holds it and hands it over again once the ack wait
    // (the lease) ends. A redelivery comes from the server's record, so it is not faulted.
    await waitFor(() => seen.length === 1, 'the redelivery', 8000);
    expect(seen).toEqual([['gone', '1']]);
    await waitFor(() => actions(consumer).includes('ack'), 'the redelivery acked', 8000);
    await settle(900);
    expect(seen).toHaveLength(1);
    expect(messageEvents(consumer).map((e) => [e.action, e.fault])).toEqual([['drop', 'drop'], ['deliver', undefined], ['ack', undefined]]);
  }, 20_000);

  it('a delivery dropped at one member of a queue group is not lost for the group: every message is handled', async () => {
    const ns = fresh();
    const topic = `jobs${n}`;
    const handled: Array<[string, string, string | undefined]> = [];
    const member = (name: string, faults?: { seed: number; dropProbability: number; messagesAt: 'deliver' }) =>
      createNatsExtGuest(server, ns, name, { subscriptions: [`queue:${topic}`], leaseMs: 300, ...(faults ? { faults } : {}), handle: (m: Message) => void handled.push([name, textOf(m), redeliveryOf(m)]) });
    // Every delivery to this member is lost on its way; the other member's arrive.
    const lossy = await member('lossy', { seed: 1, dropProbability: 1, messagesAt: 'deliver' });
    await member('steady');
    const producer = await createNatsExtGuest(server, ns, 'producer');
    const texts = Array.from({ length: 8 }, (_, i) => `job${i}`);
    for (const text of texts) await send(producer, topic, text);
    await waitFor(() => new Set(handled.map(([, text]) => text)).size === texts.length, 'every job handled', 10_000).catch((e: unknown) => {
      throw new Error(`${String(e)}: handled ${JSON.stringify(handled)}, lossy ${actions(lossy).join(' ')}`);
    });
    // The lossy member pulled some of them (it asks for work as the other does): those came back.
    const dropped = messageEvents(lossy).filter((e) => e.action === 'drop').map((e) => new TextDecoder().decode(e.data));
    expect(dropped.length).toBeGreaterThan(0);
    for (const text of dropped) expect(handled.find(([, t]) => t === text)?.[2]).toBe('1');
    expect([...new Set(handled.map(([, text]) => text))].sort()).toEqual(texts);
  }, 20_000);

  it('a duplicated copy awaiting its redelivery is not lost when its worker ends: the server hands the message to another member', async () => {
    const ns = fresh();
    const topic = `retry${n}`;
    const seen: Array<[string, string, string | undefined]> = [];
    const dead = new Promise<never>(() => undefined);
    const first = await createNatsExtGuest(server, ns, 'first', {
      subscriptions: [`queue:${topic}`],
      leaseMs: 300,
      faults: { seed: 1, duplicateProbability: 1, messagesAt: 'deliver' },
      handle: async (m: Message) => {
        seen.push(['first', textOf(m), redeliveryOf(m)]);
        if (seen.length === 1) return first.imports.acks.ack(m);
        if (seen.length > 2) return dead;
        // The second copy fails and is requeued; then this worker is terminated (stop, watchdog,
        // tab closed) before the copy comes back: nothing of it runs any more.
        await first.imports.acks.nack(m, true);
        first.kill();
        return dead;
      },
    });
    const producer = await createNatsExtGuest(server, ns, 'producer');
    await send(producer, topic, 'again');
    await waitFor(() => actions(first).includes('nack'), 'the copy requeued', 8000);
    const second = await createNatsExtGuest(server, ns, 'second', {
      subscriptions: [`queue:${topic}`],
      leaseMs: 300,
      handle: (m: Message) => void seen.push(['second', textOf(m), redeliveryOf(m)]),
    });
    await waitFor(() => seen.some(([who]) => who === 'second'), 'the message handed to the other member', 8000).catch((e: unknown) => {
      throw new Error(`${String(e)}: seen ${JSON.stringify(seen)}`);
    });
    expect(seen.filter(([who]) => who === 'second')).toEqual([['second', 'again', '1']]);
    await waitFor(() => actions(second).includes('ack'), 'acked by the other member', 8000);
  }, 20_000);

  it('a receive-timeout subscription gets both copies of a message sent twice; the topic log one entry', async () => {
    const ns = fresh();
    const topic = `pulled${n}`;
    const reader = await createNatsExtGuest(server, ns, 'reader');
    const sub = reader.imports['receive-timeout'].subscribe(reader.client, topic);
    const producer = await createNatsExtGuest(server, ns, 'producer', { faults: { seed: 1, duplicateProbability: 1 } });
    await send(producer, topic, 'p');
    const got: string[] = [];
    for (let m = await sub.receive(1000); m; m = await sub.receive(300)) got.push(textOf(m));
    expect(got).toEqual(['p', 'p']);
    const log = await reader.imports.offsets.subscribeFrom(reader.client, topic, 0n);
    const entries: string[] = [];
    for (let e = await log.receive(1000); e; e = await log.receive(300)) entries.push(textOf(e[1]));
    expect(entries).toEqual(['p']);
  }, 20_000);
});
