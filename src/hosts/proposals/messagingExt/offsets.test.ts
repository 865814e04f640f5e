import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeClaimDatabases } from '../../messaging/claimMessage';
import messagingExtWit from '../../../../wit/messaging-ext-0.1.0/messaging-ext.wit?raw';
import { RESUME_FROM_COMMITTED } from './createPullResources';
import { closeExtGuests, createExtGuest, textOf, utf8, type ExtGuest } from './testGuests';
import { createEnvelope } from '../../messaging/createEnvelope';
import { settleAllBuses } from '../../messaging/createBus';
import { appendBatchToLog, appendManyToLog, closeLogDatabases, readLogBatch, readLogFrom, RETAINED_PER_TOPIC } from './topicLog';

let n = 0;
const fresh = () => `test-offsets-${process.pid}-${++n}`;
afterEach(() => {
  closeExtGuests();
  closeClaimDatabases();
  closeLogDatabases();
});

const send = (g: ExtGuest, topic: string, text: string) => g.imports.producer.send(g.client, topic, new g.imports.types.Message(utf8(text)));

async function drain(consumer: { receive(ms: number): Promise<[bigint, { data(): Uint8Array }] | undefined> }) {
  const out: Array<[bigint, string]> = [];
  for (;;) {
    const next = await consumer.receive(40);
    if (!next) return out;
    out.push([next[0], new TextDecoder().decode(next[1].data())]);
  }
}

describe('offsets: persisted topic log', () => {
  it('the WIT tells a guest how to resume from its commit (else commit would be write-only)', () => {
    const docOf = (fn: string) => {
      const lines = messagingExtWit.split('\n');
      const at = lines.findIndex((l) => l.trim().startsWith(`${fn}: func`));
      let start = at;
      while (start > 0 && lines[start - 1].trim().startsWith('///')) start -= 1;
      return lines.slice(start, at).join(' ');
    };
    expect(docOf('subscribe-from')).toContain(String(RESUME_FROM_COMMITTED));
    expect(docOf('commit')).toContain(String(RESUME_FROM_COMMITTED));
  });

  it('replays from 0, resumes from the committed offset, and times out with none', async () => {
    const ns = fresh();
    const producer = await createExtGuest(ns, 'producer');
    ['a', 'b', 'c', 'd', 'e'].forEach((t) => send(producer, 'orders', t));
    send(producer, 'other', 'x');
    // Appends run after the bus post, off the guest's path: wait until the last one landed.
    for (let i = 0; i < 200 && !(await readLogFrom(ns, 'orders', 4)); i++) await new Promise((r) => setTimeout(r, 5));
    const reader = await createExtGuest(ns, 'billing');
    const all = await drain(await reader.imports.offsets.subscribeFrom(reader.client, 'orders', 0n));
    expect(all).toEqual([[0n, 'a'], [1n, 'b'], [2n, 'c'], [3n, 'd'], [4n, 'e']]);

    // Process exactly once: handle 0..2, commit "next = 3", then "crash" and resume.
    const first = await reader.imports.offsets.subscribeFrom(reader.client, 'orders', RESUME_FROM_COMMITTED);
    expect((await first.receive(100))?.[0]).toBe(0n); // nothing committed yet
    await first.commit(3n);
    const resumed = await reader.imports.offsets.subscribeFrom(reader.client, 'orders', RESUME_FROM_COMMITTED);
    expect(await drain(resumed)).toEqual([[3n, 'd'], [4n, 'e']]);
    // Commits belong to the consumer group (guest name): another guest starts at 0.
    const audit = await createExtGuest(ns, 'audit');
    const fromStart = await audit.imports.offsets.subscribeFrom(audit.client, 'orders', RESUME_FROM_COMMITTED);
    expect((await fromStart.receive(100))?.[0]).toBe(0n);
    expect((await readLogFrom(ns, 'other', 0))?.offset).toBe(0);
  });

  it('a call result (settleAllBuses) waits until the sends gathered for the log are logged', async () => {
    const ns = fresh();
    const producer = await createExtGuest(ns, 'producer');
    ['a', 'b', 'c'].forEach((t) => send(producer, 'orders', t));
    // Appended a window later (logPublications.ts), but before the run worker reports the
    // call's result, after which the worker may be terminated.
    await settleAllBuses();
    expect((await readLogFrom(ns, 'orders', 2))?.offset).toBe(2);
  });

  it('wakes a waiting receive when a message is appended (no polling) and times out otherwise', async () => {
    const ns = fresh();
    const producer = await createExtGuest(ns, 'producer');
    const reader = await createExtGuest(ns, 'reader');
    const consumer = await reader.imports.offsets.subscribeFrom(reader.client, 'ticks', 0n);
    const t0 = Date.now();
    expect(await consumer.receive(60)).toBeUndefined();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    const waiting = consumer.receive(5000);
    setTimeout(() => send(producer, 'ticks', 'tick'), 30);
    const got = await waiting;
    expect(got?.[0]).toBe(0n);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(got && textOf(got[1])).toBe('tick');
    expect(got?.[1].topic()).toBe('ticks');
  });

  it('reads a long log ahead in batches without losing, reordering or repeating entries', async () => {
    const ns = fresh();
    const entry = (i: number) => ({ envelope: createEnvelope({ topic: 'long', tab: 't', guest: 'seed' }), data: utf8(`m${i}`) });
    expect(await appendManyToLog(ns, 'long', Array.from({ length: 600 }, (_, i) => entry(i)))).toBe(0);
    expect(await appendManyToLog(ns, 'long', [entry(600)])).toBe(600);
    const batch = await readLogBatch(ns, 'long', 250, 10);
    // Whole chunks: at least the 10 asked for, then the rest of the last chunk read.
    expect(batch.length).toBeGreaterThanOrEqual(10);
    expect(batch.map((e) => e.offset)).toEqual(Array.from({ length: batch.length }, (_, i) => 250 + i));
    expect(new TextDecoder().decode(batch[3].data)).toBe('m253');

    const producer = await createExtGuest(ns, 'producer');
    const reader = await createExtGuest(ns, 'reader');
    const consumer = await reader.imports.offsets.subscribeFrom(reader.client, 'long', 5n);
    const first = await consumer.receive(0);
    expect(first?.[0]).toBe(5n);
    // Sent after the consumer has read ahead: it must still come, after the older entries.
    send(producer, 'long', 'late');
    const rest = await drain(consumer);
    expect(rest.map(([o]) => Number(o))).toEqual(Array.from({ length: 596 }, (_, i) => i + 6));
    expect(rest.at(-2)).toEqual([600n, 'm600']);
    expect(rest.at(-1)).toEqual([601n, 'late']);
  });

  it('logs a flood of sends to two topics densely, each topic in send order (group commit)', async () => {
    const ns = fresh();
    const producer = await createExtGuest(ns, 'producer');
    for (let i = 0; i < 300; i++) send(producer, i % 3 === 0 ? 'b' : 'a', `m${i}`);
    const reader = await createExtGuest(ns, 'reader');
    const a = await drain(await reader.imports.offsets.subscribeFrom(reader.client, 'a', 0n));
    const b = await drain(await reader.imports.offsets.subscribeFrom(reader.client, 'b', 0n));
    expect(a.map(([o]) => Number(o))).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(b.map(([o]) => Number(o))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(a.map(([, t]) => t)).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => `m${i}`));
    expect(b.map(([, t]) => t)).toEqual(Array.from({ length: 100 }, (_, i) => `m${i * 3}`));
    // A later batch continues each topic where the earlier one ended.
    const last = await appendBatchToLog(ns, [{ topic: 'b', envelope: createEnvelope({ topic: 'b', tab: 't', guest: 'g' }), data: utf8('x') }]);
    expect(last.get('b')).toBe(100);
  });

  it('trims a bulk append to the retained window', async () => {
    const ns = fresh();
    const items = Array.from({ length: RETAINED_PER_TOPIC + 3 }, () => ({ envelope: createEnvelope({ topic: 't', tab: 't', guest: 'seed' }), data: utf8('x') }));
    await appendManyToLog(ns, 't', items);
    expect((await readLogFrom(ns, 't', 0))?.offset).toBe(3);
    expect((await readLogBatch(ns, 't', 0, RETAINED_PER_TOPIC + 10)).length).toBe(RETAINED_PER_TOPIC);
  });

  it('rejects bad topics and offsets with clear errors', async () => {
    const reader = await createExtGuest(fresh(), 'reader');
    await expect(reader.imports.offsets.subscribeFrom(reader.client, 'orders.*', 0n)).rejects.toMatchObject({ payload: { val: expect.stringContaining('wildcard') } });
    await expect(reader.imports.offsets.subscribeFrom(reader.client, 'orders', -1n)).rejects.toMatchObject({ payload: { val: expect.stringContaining('out of range') } });
  });
});

describe('receive-timeout', () => {
  it('returns none after the timeout, then messages published after subscribing', async () => {
    const ns = fresh();
    const producer = await createExtGuest(ns, 'producer');
    const reader = await createExtGuest(ns, 'reader');
    send(producer, 'news.eu', 'before');
    await new Promise((r) => setTimeout(r, 30));
    const sub = reader.imports['receive-timeout'].subscribe(reader.client, 'news.*');
    const t0 = Date.now();
    expect(await sub.receive(50)).toBeUndefined();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    send(producer, 'news.eu', 'after');
    send(producer, 'sport.eu', 'ignored');
    const got = await sub.receive(2000);
    expect(got && textOf(got)).toBe('after');
    expect(got?.topic()).toBe('news.eu');
    expect(await sub.receive(30)).toBeUndefined();
    expect(() => reader.imports['receive-timeout'].subscribe(reader.client, 'queue:news')).toThrow(/fan-out/);
  });
});
