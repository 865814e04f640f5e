import type { HostContext, HostPackage, InterfaceImpl } from '../../hostContract';
import { messagingHosts } from '../../messaging/index';
import type { Message } from '../../messaging/messageTypes';
import { messagingInstanceOf, observePublications, setDeliveryExtension, type Published } from '../../messaging/messagingExtension';
import { createPullResources } from './createPullResources';
import { LeaseDelivery, type LeaseOptions } from './leaseDelivery';
import { StreamDelivery } from './streamDelivery';
import { backendOf } from '../../backend/backendOf';
import { appendBatchToLog, groupBy } from './topicLog';

/** Package id exactly as in wit/messaging-ext-0.1.0. */
export const messagingExtPackageId = 'proposal:messaging-ext@0.1.0';

/** Options for tests; the defaults suit the playground. */
export interface MessagingExtOptions extends Partial<LeaseOptions> {
  /** The wasi:messaging package whose bus and resource classes this one shares. */
  messaging?: HostPackage;
}

let logging = false;

/**
 * Appends every `producer.send` in this worker to the topic log (see topicLog.ts for why
 * always), then posts a `logged` notice per topic that wakes `consumer.receive` in any
 * worker. Sends made while an append is in flight are appended together by the next one
 * (group commit): a flooding producer pays one transaction per batch, not one per send,
 * and each topic's entries keep this worker's send order.
 */
export function enableTopicLog(): void {
  if (logging) return;
  logging = true;
  const pending: Array<Published> = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    draining = true;
    while (pending.length > 0) {
      const batch = pending.splice(0, pending.length);
      // One transaction per namespace (a worker normally has one).
      for (const [namespace, items] of groupBy(batch, (p) => p.ctx.config.namespace)) {
        try {
          const last = await appendBatchToLog(namespace, items);
          const busOf = new Map(items.map((p) => [p.topic, p.bus]));
          for (const [topic, offset] of last) {
            const bus = busOf.get(topic) as Published['bus'];
            try {
              bus.post({ type: 'notice', name: 'logged', topic, offset });
            } catch {
              // A closed bus after the guest ended: the entry is logged, nobody here to wake.
            }
          }
        } catch (error) {
          for (const ctx of new Set(items.map((p) => p.ctx))) ctx.log('stderr', `messaging-ext: could not append ${items.length === 1 ? items[0]!.topic : `${items.length} sends`} to the topic log: ${String(error)}\n`);
        }
      }
    }
    draining = false;
  };
  observePublications((published) => {
    // A backend with durable messaging (NATS) keeps the log in its stream already.
    if (backendOf(published.ctx).durable) return;
    pending.push(published);
    if (!draining) void drain();
  });
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
