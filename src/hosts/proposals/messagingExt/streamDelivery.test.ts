import { afterEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../trace/traceEvent';
import type { DurableDelivery, DurableMessaging } from '../../backend/backendTypes';
import { HostError, type HostContext } from '../../hostContract';
import type { Message } from '../../messaging/messageTypes';
import type { Delivery } from '../../messaging/messagingExtension';
import { StreamDelivery } from './streamDelivery';

// The mapping of ack / nack / drop onto a server's consumer group, with an in-memory group
// standing in for the server. That NATS JetStream really redelivers is proven by the e2e
// spec nothing-acknowledged-is-lost-on-nats against a real nats-server.

const running: Array<() => void> = [];
afterEach(() => running.splice(0).forEach((stop) => stop()));

function setup(maxRedeliveries = 2) {
  const events: TraceEvent[] = [];
  const logs: string[] = [];
  const ctx = { config: { guest: 'worker', namespace: 'ns', subscriptions: [], buckets: [] }, emit: (e: TraceEvent) => events.push(e), log: (_s: string, t: string) => logs.push(t) } as unknown as HostContext;
  const consumers: Array<{ group: string; patterns: string[]; onMessage: (d: DurableDelivery) => void }> = [];
  const durable = {
    consume: async (group: string, patterns: string[], _o: unknown, onMessage: (d: DurableDelivery) => void) => {
      consumers.push({ group, patterns, onMessage });
      return () => undefined;
    },
  } as unknown as DurableMessaging;
  const ext = new StreamDelivery(ctx, durable, { leaseMs: 60_000, maxRedeliveries });
  const injected: Delivery[] = [];
  const stop = ext.start({ owner: 'o', groups: [], subscriptions: [{ pattern: 'jobs', group: 'queue:jobs' }, { pattern: 'orders.*' }, { pattern: 'orders.eu' }], inject: (d) => injected.push(d) });
  running.push(stop);
  const settled: string[] = [];
  const offer = (redelivery: number, text = 'job-1') => {
    const held: DurableDelivery = {
      packet: { type: 'message', envelope: { id: `id-${text}`, subject: 'jobs', source: '/x', type: 't', specversion: '1.0', time: new Date().toISOString() }, data: new TextEncoder().encode(text) },
      seq: Number(text.replace(/\D/g, '')),
      redelivery,
      ack: async () => void settled.push(`ack ${text}`),
      nak: () => void settled.push(`nak ${text}`),
      term: () => void settled.push(`term ${text}`),
      working: () => undefined,
    };
    consumers[0].onMessage(held);
    return injected[injected.length - 1];
  };
  const actions = () => events.flatMap((e) => (e.kind === 'message' ? [e.action] : []));
  return { ext, consumers, injected, settled, offer, actions, logs, stop };
}

describe('at-least-once delivery on a durable consumer group', () => {
  it('joins one group per work queue, and one for all fan-out patterns as the guest', async () => {
    const { consumers } = setup();
    await Promise.resolve();
    expect(consumers.map((c) => [c.group, c.patterns])).toEqual([['queue:jobs', ['jobs']], ['guest:worker', ['orders.*', 'orders.eu']]]);
  });

  it('acks an ok return and an explicit ack once; a second ack is an error', async () => {
    const { ext, offer, settled, actions } = setup();
    await Promise.resolve();
    const first = offer(0, 'a');
    await ext.settle(first, 'ok');
    const second = offer(0, 'b');
    const message = {} as Message;
    ext.bind(second, message);
    await ext.settleMessage(message, 'ack');
    await expect(ext.settleMessage(message, 'ack')).rejects.toBeInstanceOf(HostError);
    await ext.settle(second, 'ok');
    expect(settled).toEqual(['ack a', 'ack b']);
    expect(actions()).toEqual(['ack', 'ack']);
  });

  it('requeues a failure with nak, marks redeliveries, and drops after the last one', async () => {
    const { ext, offer, settled, actions, logs } = setup(2);
    await Promise.resolve();
    await ext.settle(offer(0), 'err');
    const again = offer(1);
    expect(again.fields.metadata).toContainEqual(['redelivery', '1']);
    expect(again.packet.envelope.redelivery).toBe('1');
    await ext.settle(again, 'trap');
    await ext.settle(offer(2), 'failed');
    expect(settled).toEqual(['nak job-1', 'nak job-1', 'term job-1']);
    expect(actions()).toEqual(['nack', 'nack', 'nack', 'drop']);
    expect(logs.join('')).toMatch(/dropping id-job-1 on jobs after 2 redeliveries/);
  });

  it('nack without requeue terminates at once', async () => {
    const { ext, offer, settled, actions } = setup();
    await Promise.resolve();
    const d = offer(0);
    const message = {} as Message;
    ext.bind(d, message);
    await ext.settleMessage(message, 'drop');
    expect(settled).toEqual(['term job-1']);
    expect(actions()).toEqual(['nack', 'drop']);
  });
});
