import type { HostContext, HostPackage } from '../hostContract';
import { applyBusFaults } from '../faults/applyBusFaults';
import type { Bus } from '../messaging/createBus';
import { backendOf } from '../backend/backendOf';
import { deliverMessages, type HandleFn } from '../messaging/deliverMessages';
import { fail, type MessageContent, type Metadata, type ReceivedFields } from '../messaging/messageTypes';
import { publishMessage } from '../messaging/publishMessage';
import { collectReplies } from '../messaging/requestReply';

/** Package id exactly as in wit/messaging-p3-0.1.0. */
export const messagingP3PackageId = 'proposal:messaging-p3@0.1.0';

/** `types.message` as jco passes a WIT record: camelCase fields, options as undefined. */
export interface MessageRecord {
  topic: string;
  data: Uint8Array;
  contentType?: string;
  metadata: Metadata;
  replyTo?: string;
}

/**
 * `proposal:messaging-p3@0.1.0` on the same bus as wasi:messaging@0.2.0-draft (same
 * CloudEvents envelopes, topics, inboxes and fault injection), so 0.2 and 0.3 guests
 * exchange messages. Differences from the 0.2 host: messages are records, there is no
 * client, every call is async (several requests may be in flight), and the exported
 * handler is called for each message as it arrives, even while earlier calls still await.
 */
export function createMessagingP3Host(options: { busFor?: (namespace: string) => Bus } = {}): HostPackage {
  // The guest's backend bus (this browser or NATS), so 0.2 and 0.3 guests share one bus anywhere.
  const busFor = (ctx: HostContext): Bus => (options.busFor ? options.busFor(ctx.config.namespace) : backendOf(ctx).bus(ctx.config.namespace));
  const buses = new WeakMap<HostContext, Bus>();
  const busOf = (ctx: HostContext): Bus => {
    let bus = buses.get(ctx);
    if (!bus) {
      bus = applyBusFaults(busFor(ctx), ctx);
      buses.set(ctx, bus);
    }
    return bus;
  };

  return {
    id: messagingP3PackageId,
    description: 'Proposal (WASI 0.3): async send, request and handler on the same bus as wasi:messaging 0.2',
    concurrent: true,
    create(ctx) {
      const bus = busOf(ctx);
      return {
        types: {},
        producer: {
          async send(topic: string, message: MessageRecord): Promise<void> {
            publishMessage(ctx, bus, { topic, message: contentOf(message), action: 'send' });
            await bus.settled?.();
          },
        },
        'request-reply': {
          async request(topic: string, message: MessageRecord, opts?: { timeoutMs?: number; expectedReplies?: number }): Promise<MessageRecord[]> {
            const replies = await collectReplies(ctx, bus, topic, contentOf(message), { timeoutMs: opts?.timeoutMs, expectedReplies: opts?.expectedReplies });
            return replies.map(toRecord);
          },
          async reply(replyTo: string, message: MessageRecord): Promise<void> {
            if (typeof replyTo !== 'string' || replyTo === '') fail({ tag: 'other', val: 'reply-to must be the reply-to of a received request' });
            publishMessage(ctx, bus, { topic: replyTo, message: contentOf(message), action: 'reply' });
          },
        },
      };
    },
    drives: { 'incoming-handler': 'subscriptions' },
    attachExports(ctx, exports) {
      const handle = findP3Handler(exports);
      if (!handle) {
        if (ctx.config.subscriptions.length > 0) ctx.log('stderr', 'messaging-p3: subscriptions are configured but the guest exports no incoming-handler\n');
        return;
      }
      deliverMessages(ctx, busOf(ctx), { received: toRecord }, handle, { concurrent: true });
    },
  };
}

/** Copies a guest record before any await (the guest may reuse its memory). */
function contentOf(message: MessageRecord): MessageContent {
  if (!message || !(message.data instanceof Uint8Array)) fail({ tag: 'other', val: 'message data must be bytes' });
  return { data: message.data.slice(), contentType: message.contentType, metadata: message.metadata?.map(([k, v]) => [k, v]) };
}

/** A message from the bus as the guest's record. */
function toRecord(fields: ReceivedFields): MessageRecord {
  return { topic: fields.topic, data: fields.data, contentType: fields.contentType, metadata: fields.metadata ?? [], replyTo: fields.replyTo };
}

/** The guest's `proposal:messaging-p3/incoming-handler.handle`, however jco keys it. */
export function findP3Handler(exports: Record<string, unknown>): HandleFn<MessageRecord> | undefined {
  for (const [key, value] of Object.entries(exports)) {
    if (!/^proposal:messaging-p3\/incoming-handler(@.*)?$/.test(key) || value === null || typeof value !== 'object') continue;
    const handle = (value as { handle?: unknown }).handle;
    if (typeof handle === 'function') return (message) => handle.call(value, message);
  }
  return undefined;
}
