import { describe, expect, it } from 'vitest';
import type { HostContext, InterfaceImpl } from '../hostContract';
import type { Bus, BusListener, BusPacket } from '../messaging/createBus';
import { matchTopic } from '../messaging/matchTopic';
import { createWasmcloudMessagingHost, type BrokerMessage } from './createWasmcloudMessagingHost';

/**
 * Buses that route by subject, as NATS does: a packet reaches a bus only through a pattern
 * it subscribed to (no broadcast). Each call gives one guest its own bus.
 */
function subjectRoutedBuses(): (namespace: string) => Bus {
  const subscriptions = new Set<{ pattern: string; deliver: (packet: BusPacket) => void }>();
  return (namespace) => {
    const listeners = new Set<BusListener>();
    return {
      namespace,
      post(packet) {
        if (packet.type !== 'message') return;
        for (const s of [...subscriptions]) if (matchTopic(s.pattern, packet.envelope.subject ?? '')) s.deliver(structuredClone(packet));
      },
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      subscribe(pattern) {
        const s = { pattern, deliver: (packet: BusPacket) => queueMicrotask(() => listeners.forEach((l) => l(packet))) };
        subscriptions.add(s);
        return () => subscriptions.delete(s);
      },
      release: () => undefined,
    };
  };
}

const ctxOf = (guest: string, subscriptions: string[] = []): HostContext => ({
  config: { guest, namespace: 'wc-test', subscriptions, buckets: [] },
  emit: () => undefined,
  log: () => undefined,
});

type Consumer = { publish(m: BrokerMessage): unknown; request(subject: string, body: Uint8Array, timeoutMs: number): Promise<BrokerMessage> };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('wasmcloud:messaging consumer.request on a bus that routes by subject (NATS)', () => {
  it('gets the reply a handler publishes to the reply-to it received', async () => {
    const host = createWasmcloudMessagingHost(subjectRoutedBuses());
    const responderCtx = ctxOf('responder', ['greet']);
    const responder = (host.create(responderCtx) as Record<string, InterfaceImpl>).consumer as unknown as Consumer;
    await host.attachExports!(responderCtx, {
      handler: { handleMessage: (m: BrokerMessage) => void responder.publish({ subject: m.replyTo!, body: utf8(new TextDecoder().decode(m.body).toUpperCase()) }) },
    });
    const asker = (host.create(ctxOf('asker')) as Record<string, InterfaceImpl>).consumer as unknown as Consumer;
    const reply = await asker.request('greet', utf8('hello'), 2000);
    expect(new TextDecoder().decode(reply.body)).toBe('HELLO');
    expect(reply.subject).toMatch(/^_inbox\./);
  });

  it('fails with wasmCloud\'s error string when nobody answers within the timeout', async () => {
    const host = createWasmcloudMessagingHost(subjectRoutedBuses());
    const asker = (host.create(ctxOf('asker')) as Record<string, InterfaceImpl>).consumer as unknown as Consumer;
    await expect(asker.request('nobody', utf8('hi'), 50)).rejects.toMatchObject({ payload: 'no reply on nobody within 50 ms' });
  });
});
