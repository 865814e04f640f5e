import type { HostContext, HostPackage, InterfaceImpl } from '../../hostContract';
import { messagingHosts } from '../../messaging/index';
import type { Message } from '../../messaging/messageTypes';
import { messagingInstanceOf, setDeliveryExtension } from '../../messaging/messagingExtension';
import { createPullResources } from './createPullResources';
import { LeaseDelivery, type LeaseOptions } from './leaseDelivery';
import { StreamDelivery } from './streamDelivery';
import { backendOf } from '../../backend/backendOf';
import { enableTopicLog } from './logPublications';

export { enableTopicLog };

/** Package id exactly as in wit/messaging-ext-0.1.0. */
export const messagingExtPackageId = 'proposal:messaging-ext@0.1.0';

/** Options for tests; the defaults suit the playground. */
export interface MessagingExtOptions extends Partial<LeaseOptions> {
  /** The wasi:messaging package whose bus and resource classes this one shares. */
  messaging?: HostPackage;
}

/**
 * `proposal:messaging-ext@0.1.0`: acks (at-least-once delivery by leases, see
 * leaseDelivery.ts), offsets (replayable topic logs, topicLog.ts) and receive-timeout
 * (pull subscriptions). On a backend with durable messaging (NATS) the same semantics come
 * from JetStream (streamDelivery.ts, backend/nats/natsDurable.ts). Creating it for a guest switches that guest's incoming-handler
 * delivery to at-least-once. Handles (`client`, `message`) are the wasi:messaging
 * package's per-guest classes, reached through its `create(ctx)` (memoized per context).
 */
export function createMessagingExtHost(options: MessagingExtOptions = {}): HostPackage {
  const messaging = options.messaging ?? messagingHosts[0];
  const lease: LeaseOptions = { leaseMs: options.leaseMs ?? 10_000, maxRedeliveries: options.maxRedeliveries ?? 5 };
  enableTopicLog();
  return {
    id: messagingExtPackageId,
    description: 'Proposal (2022–23, dropped): ack/nack with at-least-once leases, replayable topic offsets, receive with timeout.',
    async create(ctx: HostContext): Promise<Record<string, InterfaceImpl>> {
      await messaging.create(ctx);
      const instance = messagingInstanceOf(ctx);
      if (!instance) throw new Error(`${messaging.id} did not register its instance; proposal:messaging-ext needs it`);
      const durable = backendOf(ctx).durable?.(ctx.config.namespace);
      const delivery = durable ? new StreamDelivery(ctx, durable, lease) : new LeaseDelivery(ctx, instance, lease);
      setDeliveryExtension(ctx, delivery);
      const pulled = new WeakSet<Message>();
      const pull = createPullResources(ctx, instance, pulled, durable);
      const settle = async (message: unknown, outcome: 'ack' | 'requeue' | 'drop') => {
        // Pulled messages have no broker-side state to settle (pull is at-most-once).
        if (typeof message === 'object' && message !== null && pulled.has(message as Message)) return;
        await delivery.settleMessage(message, outcome);
      };
      return {
        acks: {
          ack: (message: unknown) => settle(message, 'ack'),
          nack: (message: unknown, requeue: boolean) => settle(message, requeue ? 'requeue' : 'drop'),
        },
        offsets: { Consumer: pull.Consumer, subscribeFrom: pull.subscribeFrom },
        'receive-timeout': { Subscription: pull.Subscription, subscribe: pull.subscribe },
      };
    },
  };
}
