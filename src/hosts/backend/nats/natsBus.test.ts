import { headers } from '@nats-io/nats-core';
import { describe, expect, it, vi } from 'vitest';
import { MAX_BATCH, settleAllBuses } from '../../messaging/createBus';
import type { NatsLink } from './connectNats';
import { createNatsBus, fromNatsMessage, toHeaders } from './natsBus';
import { createPollable, createTimerPollable } from '../../io/pollable';
import { LOG_DELAY_MS } from './holdNatsSends';
import { logSubject } from './natsNames';
import type { NatsStreams } from './natsStreams';

function fakeLink() {
  const nc = { publish: vi.fn(), isClosed: () => false, isDraining: () => false, flush: vi.fn(async () => undefined) };
  return { link: { nc, servers: 'ws://test', connected: () => true, ensureConnected: () => undefined, onDown: () => () => undefined, arrived: async () => undefined } as unknown as NatsLink, nc };
}

const send = (bus: ReturnType<typeof createNatsBus>, i: number) => {
  bus.post({ type: 'message', envelope: { id: `m${i}`, subject: 'orders.new', specversion: '1.0' }, data: new Uint8Array([i]) });
  return bus.settled?.();
};
const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('NATS bus sends', () => {
  it('publish the first send of a task at once and the rest in batches of MAX_BATCH', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    // A clock that stands still: only the count decides here.
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    const published: number[] = [];
    for (let i = 0; i < 2 * MAX_BATCH + 5; i++) {
      expect(send(bus, i)).toBeUndefined();
      published.push(nc.publish.mock.calls.length);
    }
    clock.mockRestore();
    expect(published[0]).toBe(1);
    expect(published[MAX_BATCH - 1]).toBe(1);
    expect(published[MAX_BATCH]).toBe(MAX_BATCH + 1);
    expect(published[2 * MAX_BATCH]).toBe(2 * MAX_BATCH + 1);
    // The rest leave when the task ends, in send order. Waited for, not timed: the bus's next
    // task is a MessageChannel message, which Node may deliver after a zero-delay timer.
    await vi.waitFor(() => expect(nc.publish).toHaveBeenCalledTimes(2 * MAX_BATCH + 5));
    expect(nc.publish.mock.calls.map((c) => (c[1] as Uint8Array)[0])).toEqual(Array.from({ length: 2 * MAX_BATCH + 5 }, (_, i) => i & 255));
    // The task before sent a burst: the next task's first send is held with what follows it
    // (a paced producer's burst travels as one frame), until that task ends.
    send(bus, 0);
    expect(nc.publish).toHaveBeenCalledTimes(2 * MAX_BATCH + 5);
    await vi.waitFor(() => expect(nc.publish).toHaveBeenCalledTimes(2 * MAX_BATCH + 6));
    // That task sent one message: the first send of the next leaves at once again.
    send(bus, 1);
    expect(nc.publish).toHaveBeenCalledTimes(2 * MAX_BATCH + 7);
    bus.release();
  });

  it('hold a send at most MAX_BATCH_AGE_MS, checked at the next send', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      send(bus, 0);
      send(bus, 1);
      now += 0.5;
      send(bus, 2);
      expect(nc.publish).toHaveBeenCalledTimes(1);
      now += 0.5;
      send(bus, 3);
      expect(nc.publish).toHaveBeenCalledTimes(4);
    } finally {
      clock.mockRestore();
      bus.release();
    }
  });

  it('publish the held sends when the guest waits (a sleep on a clock pollable), in send order, a burst after a burst whole', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    try {
      for (let i = 0; i < 4; i++) send(bus, i);
      expect(nc.publish).toHaveBeenCalledTimes(1);
      // The paced producer's sleep: blocking on a timer pollable that is not ready yet.
      const sleep = createTimerPollable(5).block();
      expect(sleep).toBeInstanceOf(Promise);
      expect(nc.publish.mock.calls.map((c) => (c[1] as Uint8Array)[0])).toEqual([0, 1, 2, 3]);
      await sleep;
      // The next burst is held whole (the task before sent a burst), and a pollable that is
      // ready answers at once: the guest does not wait, nothing is flushed.
      send(bus, 4);
      send(bus, 5);
      expect(createPollable().block()).toBeUndefined();
      expect(nc.publish).toHaveBeenCalledTimes(4);
      // The next sleep sends the whole burst, in order.
      await createTimerPollable(1).block();
      expect(nc.publish.mock.calls.map((c) => (c[1] as Uint8Array)[0])).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      clock.mockRestore();
      bus.release();
    }
    // A released bus is no longer flushed by a wait.
    const before = nc.publish.mock.calls.length;
    await createTimerPollable(1).block();
    expect(nc.publish).toHaveBeenCalledTimes(before);
  });

  it('publish a request or a reply at once, after the sends held before it', () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    try {
      send(bus, 0);
      send(bus, 1);
      send(bus, 2);
      expect(nc.publish).toHaveBeenCalledTimes(1);
      // The guest's request suspends it until replies come: nothing waits for the task's end.
      bus.post({ type: 'message', envelope: { id: 'q', subject: 'svc.echo', specversion: '1.0', replyto: '_inbox.abc' }, data: new Uint8Array([9]) });
      expect(nc.publish.mock.calls.map((c) => c[0] as string)).toEqual(['orders.new', 'orders.new', 'orders.new', 'svc.echo']);
      expect(nc.publish.mock.calls[3]![2]).toMatchObject({ reply: '_inbox.abc' });
      send(bus, 3);
      bus.post({ type: 'message', envelope: { id: 'r', subject: '_inbox.xyz', specversion: '1.0' }, data: new Uint8Array([8]) });
      expect(nc.publish.mock.calls.map((c) => (c[1] as Uint8Array)[0])).toEqual([0, 1, 2, 9, 3, 8]);
    } finally {
      clock.mockRestore();
      bus.release();
    }
  });

  it('append their topic-log entries LOG_DELAY_MS after the first, with the entries made meanwhile, in one go after their sends', async () => {
    const { link, nc } = fakeLink();
    const streams = { decided: () => true, retain: vi.fn() } as unknown as NatsStreams;
    const bus = createNatsBus(link, 'ns', { streams, track: () => undefined });
    const logged = logSubject('ns', 'orders.new');
    const subjects = () => nc.publish.mock.calls.map((c) => c[0] as string);
    const sendAndLog = (i: number) => {
      send(bus, i);
      bus.appendToLog!({ type: 'message', envelope: { id: `m${i}`, subject: 'orders.new', specversion: '1.0' }, data: new Uint8Array([i]) });
    };
    // Only the timers: the bus's end-of-task hook (a MessageChannel) runs as it would.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      sendAndLog(0);
      sendAndLog(1);
      // Not vi.waitFor: with fake timers it advances them.
      for (let i = 0; i < 100 && subjects().length < 2; i++) await new Promise((r) => setImmediate(r));
      expect(subjects()).toEqual(['orders.new', 'orders.new']);
      // The sends' frame is on its way to the handlers: the log frame would share the cores with it.
      vi.advanceTimersByTime(LOG_DELAY_MS - 1);
      expect(subjects()).toEqual(['orders.new', 'orders.new']);
      sendAndLog(2);
      vi.advanceTimersByTime(1);
      expect(subjects()).toEqual(['orders.new', 'orders.new', 'orders.new', logged, logged, logged]);
      expect(nc.publish.mock.calls.slice(3).map((c) => (c[1] as Uint8Array)[0])).toEqual([0, 1, 2]);
      // Each entry carries its send's CloudEvents headers.
      const headersAt = (i: number) => String((nc.publish.mock.calls[i]![2] as { headers: unknown }).headers);
      expect([3, 4, 5].map(headersAt)).toEqual([0, 1, 2].map(headersAt));
      expect(headersAt(4)).toContain('ce-id: m1');
      // A run that ends first publishes them then (flushAllBuses, through settleAllBuses).
      sendAndLog(3);
      await settleAllBuses();
      expect(subjects().slice(-2)).toEqual(['orders.new', logged]);
    } finally {
      vi.useRealTimers();
      bus.release();
    }
  });

  it('are published and confirmed by the server before the worker reports a result (settleAllBuses)', async () => {
    const { link, nc } = fakeLink();
    const bus = createNatsBus(link, 'ns');
    await settleAllBuses();
    expect(nc.flush).not.toHaveBeenCalled();
    send(bus, 0);
    send(bus, 1);
    expect(nc.publish).toHaveBeenCalledTimes(1);
    await settleAllBuses();
    expect(nc.publish).toHaveBeenCalledTimes(2);
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
