import { applyBusFaults } from '../faults/applyBusFaults';
import { HostError, type HostContext, type HostPackage, type InterfaceImpl } from '../hostContract';
import type { Bus } from '../messaging/createBus';
import { backendOf } from '../backend/backendOf';
import { deliverMessages } from '../messaging/deliverMessages';
import { inboxPrefix } from '../messaging/matchTopic';
import { collectReplies } from '../messaging/requestReply';
import type { Message, MessageTypes } from '../messaging/messageTypes';
import { publishMessage } from '../messaging/publishMessage';

/** `broker-message` as jco passes it: a plain record, `reply-to` undefined when none. */
export interface BrokerMessage {
  subject: string;
  body: Uint8Array;
  replyTo?: string;
}

/** Package id exactly as in the WIT. */
export const wasmcloudMessagingId = 'wasmcloud:messaging@0.2.0';

/**
 * `wasmcloud:messaging@0.2.0` (wasmCloud 1.x) over the playground's message bus: the same
 * BroadcastChannel, CloudEvents envelopes, topic patterns and trace events as
 * wasi:messaging, so a wasmCloud component's `consumer.request` reaches a WASI handler, and
 * a WASI `request-reply.request` reaches a wasmCloud `handler.handle-message`, whose
 * `consumer.publish` to the received `reply-to` is the reply.
 */
export function createWasmcloudMessagingHost(busFor?: (namespace: string) => Bus): HostPackage {
  const buses = new WeakMap<HostContext, Bus>();
  const busOf = (ctx: HostContext) => {
    let bus = buses.get(ctx);
    if (!bus) buses.set(ctx, (bus = applyBusFaults(busFor ? busFor(ctx.config.namespace) : backendOf(ctx).bus(ctx.config.namespace), ctx)));
    return bus;
  };
  return {
    id: wasmcloudMessagingId,
    description: 'wasmCloud 1.x messaging (consumer.publish / request, exported handler) on the same bus as wasi:messaging.',
    create(ctx): Record<string, InterfaceImpl> {
      const bus = busOf(ctx);
      return {
        types: {},
        consumer: {
          publish(msg: BrokerMessage): void | Promise<void> {
            const toInbox = msg.subject.startsWith(inboxPrefix);
            publishMessage(ctx, bus, { topic: msg.subject, message: { data: msg.body }, action: toInbox ? 'reply' : 'send', ...(msg.replyTo && !toInbox ? { replyTo: msg.replyTo } : {}) });
            return bus.settled?.();
          },
          request: (subject: string, body: Uint8Array, timeoutMs: number) => request(ctx, bus, subject, body, timeoutMs),
        },
      };
    },
    drives: { handler: 'subscriptions' },
    attachExports(ctx, exports) {
      const handle = findWasmcloudHandler(exports);
      if (!handle) {
        if (ctx.config.subscriptions.length > 0) ctx.log('stderr', 'wasmcloud:messaging: subscriptions are configured but the guest exports no handler\n');
        return;
      }
      // Delivery (patterns, work queues, faults, trace) is wasi:messaging's; only the value
      // handed to the guest differs: a broker-message record instead of a message resource.
      const types = { received: (f: { topic: string; data: Uint8Array; replyTo?: string }) => ({ subject: f.topic, body: f.data, replyTo: f.replyTo }) } as unknown as MessageTypes;
      deliverMessages(ctx, busOf(ctx), types, (message: Message) => handle(message as unknown as BrokerMessage));
    },
  };
}

/**
 * Publishes with a fresh inbox as reply-to and resolves with the first reply, or `err` after
 * the timeout. The request of wasi:messaging (collectReplies) does it: it also subscribes to
 * the inbox, which a subject-routed bus (NATS) needs to hand the reply over at all.
 */
async function request(ctx: HostContext, bus: Bus, subject: string, body: Uint8Array, timeoutMs: number): Promise<BrokerMessage> {
  try {
    const [reply] = await collectReplies(ctx, bus, subject, { data: body }, { timeoutMs, expectedReplies: 1 });
    return { subject: reply!.topic, body: reply!.data, replyTo: reply!.replyTo };
  } catch (error) {
    // wasi:messaging's error variant (timeout, connection, other); wasmCloud's error is a string.
    const payload = (error as { payload?: { val?: unknown; tag?: string } }).payload;
    if (payload?.tag === 'timeout') throw new HostError(`no reply on ${subject} within ${timeoutMs} ms`);
    throw new HostError(String(payload?.val ?? payload?.tag ?? error));
  }
}

/** `handle-message` in a jco export object (keyed `handler` or by interface id). */
function findWasmcloudHandler(exports: Record<string, unknown>): ((msg: BrokerMessage) => unknown) | undefined {
  for (const [key, value] of Object.entries(exports)) {
    if (!(key === 'handler' || /^wasmcloud:messaging\/handler(@.*)?$/.test(key)) || !value || typeof value !== 'object') continue;
    const fn = (value as { handleMessage?: unknown }).handleMessage;
    if (typeof fn === 'function') return (msg) => fn.call(value, msg);
  }
  return undefined;
}
