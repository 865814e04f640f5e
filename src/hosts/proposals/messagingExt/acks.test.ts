import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageEvent_ } from '../../../trace/traceEvent';
import { closeClaimDatabases } from '../../messaging/claimMessage';
import { waitFor } from '../../messaging/createTestGuest';
import type { Message } from '../../messaging/messageTypes';
import { listInflight } from './inflightStore';
import { closeExtGuests, createExtGuest, textOf, utf8, type ExtGuest } from './testGuests';
import { closeLogDatabases } from './topicLog';

let n = 0;
const fresh = () => `test-acks-${process.pid}-${++n}`;
afterEach(() => {
  closeExtGuests();
  closeClaimDatabases();
  closeLogDatabases();
});

const redeliveryOf = (m: Message) => m.metadata()?.find(([k]) => k === 'redelivery')?.[1];
const actions = (g: ExtGuest) => g.events.filter((e): e is MessageEvent_ => e.kind === 'message').map((e) => e.action);
const send = (g: ExtGuest, topic: string, text: string) => g.imports.producer.send(g.client, topic, new g.imports.types.Message(utf8(text)));

describe('acks: at-least-once delivery', () => {
  it('persists before delivery and forgets on an ok return', async () => {
    const ns = fresh();
    let seenInflight: unknown[] = [];
    const consumer = await createExtGuest(ns, 'worker', {
      subscriptions: ['queue:jobs'],
      handle: async () => { seenInflight = await listInflight(ns, 'queue:jobs'); },
    });
    const producer = await createExtGuest(ns, 'producer');
    send(producer, 'jobs', 'one');
    await waitFor(() => actions(consumer).includes('ack'), 'ack');
    expect(seenInflight).toHaveLength(1);
    expect(seenInflight[0]).toMatchObject({ group: 'queue:jobs', redelivery: 0 });
    expect(await listInflight(ns, 'queue:jobs')).toEqual([]);
  });

  it('redelivers a nacked message with a redelivery count, then acks it', async () => {
    const ns = fresh();
    const seen: Array<[string, string | undefined]> = [];
    let last: Message | undefined;
    const consumer = await createExtGuest(ns, 'worker', {
      subscriptions: ['queue:jobs'],
      handle: async (m: Message) => {
        seen.push([textOf(m), redeliveryOf(m)]);
        last = m;
        if (redeliveryOf(m) === undefined) await consumer.imports.acks.nack(m, true);
        else await consumer.imports.acks.ack(m);
      },
    });
    const producer = await createExtGuest(ns, 'producer');
    send(producer, 'jobs', 'retry me');
    await waitFor(() => seen.length === 2 && actions(consumer).includes('ack'), 'redelivery');
    expect(seen).toEqual([['retry me', undefined], ['retry me', '1']]);
    expect(actions(consumer)).toEqual(['deliver', 'nack', 'deliver', 'ack']);
    expect(await listInflight(ns, 'queue:jobs')).toEqual([]);
    // Acking twice is a guest bug and says so.
    await expect(consumer.imports.acks.ack(last as Message)).rejects.toMatchObject({ payload: { tag: 'other', val: expect.stringContaining('already acked') } });
    // A message the guest built itself was never delivered.
    const own = new consumer.imports.types.Message(utf8('mine'));
    await expect(consumer.imports.acks.ack(own)).rejects.toMatchObject({ payload: { val: expect.stringContaining('not delivered') } });
  });

  it('requeues err returns up to the limit, then drops; nack without requeue drops at once', async () => {
    const ns = fresh();
    let calls = 0;
    const consumer = await createExtGuest(ns, 'worker', {
      subscriptions: ['queue:poison', 'queue:once'],
      maxRedeliveries: 2,
      handle: async (m: Message) => {
        if (m.topic() === 'once') return consumer.imports.acks.nack(m, false);
        calls += 1;
        return { tag: 'err', val: { tag: 'other', val: 'cannot' } };
      },
    });
    const producer = await createExtGuest(ns, 'producer');
    send(producer, 'poison', 'bad');
    await waitFor(() => actions(consumer).includes('drop'), 'poison dropped');
    expect(calls).toBe(3); // first delivery + 2 redeliveries
    send(producer, 'once', 'skip');
    await waitFor(() => actions(consumer).filter((a) => a === 'drop').length === 2, 'nack(false) dropped');
    expect(await listInflight(ns, 'queue:poison')).toEqual([]);
    expect(await listInflight(ns, 'queue:once')).toEqual([]);
  });

  it('redelivers to another subscriber after the holder was killed mid-message', async () => {
    const ns = fresh();
    let startedA = false;
    const a = await createExtGuest(ns, 'worker-a', {
      subscriptions: ['queue:jobs'],
      handle: () => { startedA = true; return new Promise(() => undefined); }, // never finishes
    });
    const producer = await createExtGuest(ns, 'producer');
    send(producer, 'jobs', 'important');
    await waitFor(() => startedA, 'A started');
    // The heartbeat keeps A's lease alive past its length while A lives.
    await new Promise((r) => setTimeout(r, 300));
    expect((await listInflight(ns, 'queue:jobs'))[0]).toMatchObject({ redelivery: 0 });
    a.kill();
    const got: Array<[string, string | undefined]> = [];
    const b = await createExtGuest(ns, 'worker-b', { subscriptions: ['queue:jobs'], handle: (m: Message) => { got.push([textOf(m), redeliveryOf(m)]); } });
    await waitFor(() => actions(b).includes('ack'), 'B handled the redelivery', 3000);
    expect(got).toEqual([['important', '1']]);
    expect(await listInflight(ns, 'queue:jobs')).toEqual([]);
  });

  it('keeps each copy of a message sent twice in flight on its own (a publisher retry is two deliveries)', async () => {
    const ns = fresh();
    const seen: Array<[string, string | undefined]> = [];
    const consumer = await createExtGuest(ns, 'tally', {
      subscriptions: ['deliveries'],
      handle: async (m: Message) => {
        seen.push([textOf(m), redeliveryOf(m)]);
        // Slow enough that the second copy is recorded while the first is still being handled.
        if (seen.length === 1) await new Promise((r) => setTimeout(r, 50));
        // The second copy fails once, as a flaky counter would: it must come back.
        if (seen.length === 2) await consumer.imports.acks.nack(m, true);
        else await consumer.imports.acks.ack(m);
      },
    });
    // Seeded send faults that duplicate every message: the same envelope id arrives twice.
    const producer = await createExtGuest(ns, 'producer', { faults: { seed: 1, duplicateProbability: 1 } });
    send(producer, 'deliveries', '#05');
    await waitFor(() => seen.length === 3 && actions(consumer).filter((a) => a === 'ack').length === 2, 'both copies acked', 3000);
    expect(seen).toEqual([['#05', undefined], ['#05', undefined], ['#05', '1']]);
    expect([...actions(consumer)].sort()).toEqual(['ack', 'ack', 'deliver', 'deliver', 'deliver', 'nack']);
    // No lease ran out: a warning that one had would send the reader after the wrong cause.
    expect(consumer.logs.filter((l) => l.includes('lease'))).toEqual([]);
    expect(await listInflight(ns, 'guest:tally')).toEqual([]);
  });
});
