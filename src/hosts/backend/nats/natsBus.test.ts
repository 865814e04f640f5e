import { headers } from '@nats-io/nats-core';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BATCH, settleAllBuses } from '../../messaging/createBus';
import type { NatsLink } from './connectNats';
import { createNatsBus, fromNatsMessage, toHeaders } from './natsBus';

function fakeLink() {
  const nc = { publish: vi.fn(), isClosed: () => false, flush: vi.fn(async () => undefined) };
  return { link: { nc, servers: 'ws://test', connected: () => true, ensureConnected: () => undefined, onDown: () => () => undefined } as unknown as NatsLink, nc };
}

const send = (bus: ReturnType<typeof createNatsBus>, i: number) => {
  bus.post({ type: 'message', envelope: { id: `m${i}`, subject: 'orders.new', specversion: '1.0' }, data: new Uint8Array([i]) });
  return bus.settled?.();
};
const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('NATS bus sends', () => {
  it('let the first send of a task leave at once and the rest in batches of MAX_BATCH', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    const yields: number[] = [];
    // A clock that stands still: only the count decides here.
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    for (let i = 0; i < 2 * MAX_BATCH + 5; i++) if (send(bus, i) !== undefined) yields.push(i);
    clock.mockRestore();
    // Every send is published; the guest yields (so the client writes) on the first send
    // and after each further MAX_BATCH − 1 held ones.
    expect(nc.publish).toHaveBeenCalledTimes(2 * MAX_BATCH + 5);
    expect(yields).toEqual([0, MAX_BATCH - 1, 2 * MAX_BATCH - 2]);
    await nextTask();
    // A new task: its first send leaves at once again.
    expect(send(bus, 0)).toBeInstanceOf(Promise);
    expect(send(bus, 1)).toBeUndefined();
    bus.release();
  });

  it('let a held send wait at most MAX_BATCH_AGE_MS for the next one', async () => {
    const { link } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      expect(send(bus, 0)).toBeInstanceOf(Promise);
      expect(send(bus, 1)).toBeUndefined();
      now += 0.5;
      expect(send(bus, 2)).toBeUndefined();
      now += 0.5;
      expect(send(bus, 3)).toBeInstanceOf(Promise);
    } finally {
      clock.mockRestore();
      bus.release();
    }
    await nextTask();
  });

  it('are confirmed by the server before the worker reports a result (settleAllBuses)', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    await settleAllBuses();
    expect(nc.flush).not.toHaveBeenCalled();
    send(bus, 0);
    send(bus, 1);
    await settleAllBuses();
    expect(nc.flush).toHaveBeenCalledTimes(1);
    await settleAllBuses();
    expect(nc.flush).toHaveBeenCalledTimes(1);
    bus.release();
    await nextTask();
  });
});

describe('CloudEvents headers', () => {
  it('round-trip every attribute, percent-encoding what NATS headers cannot carry', () => {
    const envelope = { id: 'a-1', specversion: '1.0', type: 'wasi.messaging.message', source: '/wcp/tab/g', subject: 'orders.new', time: '2026-01-01T00:00:00.000Z', datacontenttype: 'text/plain', note: 'ünïcode 100% \r\n done' };
    const h = toHeaders(envelope);
    expect(h.get('content-type')).toBe('text/plain');
    expect(h.get('ce-id')).toBe('a-1');
    expect(h.get('ce-note')).toBe('%C3%BCn%C3%AFcode 100%25 %0D%0A done');
    const packet = fromNatsMessage({ subject: 'orders.new', data: new Uint8Array([1, 2]), headers: h });
    expect(packet.envelope).toEqual(envelope);
    expect([...packet.data]).toEqual([1, 2]);
  });

  it('give messages without them an envelope naming the subject, and keep undecodable values as sent', () => {
    const plain = fromNatsMessage({ subject: 'x.y', data: new Uint8Array(), reply: '_INBOX.1' });
    expect(plain.envelope).toMatchObject({ source: 'nats:x.y', type: 'nats.message', specversion: '1.0', subject: 'x.y', replyto: '_INBOX.1' });
    const h = headers();
    h.append('ce-odd', '100%');
    h.append('CE-Type', 'custom');
    expect(fromNatsMessage({ subject: 'x.y', data: new Uint8Array(), headers: h }).envelope).toMatchObject({ odd: '100%', type: 'custom' });
  });
});
