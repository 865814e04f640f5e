import type { HostContext, HostPackage, InterfaceImpl } from '../hostContract';
import { applyBusFaults } from '../faults/applyBusFaults';
import { answersSync } from '../answersSync';
import { backendOf } from '../backend/backendOf';
import type { Bus } from './createBus';
import { deliverMessages, findHandler } from './deliverMessages';
import { createMessageTypes, type Client, type Message, type MessageTypes } from './messageTypes';
import { notifyPublished, registerMessagingInstance } from './messagingExtension';
import { publishMessage } from './publishMessage';
import { createRequestReply } from './requestReply';

/** Package id exactly as in the WIT. */
export const messagingPackageId = 'wasi:messaging@0.2.0-draft';

/** Options for tests and benchmarks. */
export interface MessagingHostOptions {
  /**
   * Bus per guest context. Default: the backend's bus of the namespace (the worker-wide
   * BroadcastChannel bus, or the NATS connection). Tests pass
   * `openBus` so each host instance has its own channel, like separate workers or tabs.
   */
  busFor?: (namespace: string) => Bus;
}

/**
 * `wasi:messaging@0.2.0-draft` over BroadcastChannel: `types`, `producer` and
 * `request-reply` imports, and delivery to the guest's exported `incoming-handler` for the
 * topics in `config.subscriptions` (syntax: matchTopic.ts).
 */
export function createMessagingHost(options: MessagingHostOptions = {}): HostPackage {
  const busFor = (ctx: HostContext): Bus => (options.busFor ? options.busFor(ctx.config.namespace) : backendOf(ctx).bus(ctx.config.namespace));
  // create and attachExports receive the same context; both must use one bus.
  const instances = new WeakMap<HostContext, { bus: Bus; types: MessageTypes }>();
  const instanceOf = (ctx: HostContext) => {
    let instance = instances.get(ctx);
    if (instance === undefined) {
      // Fault injection (HostConfig.faults) sits between this guest and the shared bus.
      instance = { bus: applyBusFaults(busFor(ctx), ctx), types: createMessageTypes() };
      instances.set(ctx, instance);
      // Companion packages (proposal:messaging-ext) find this guest's bus and classes here.
      registerMessagingInstance(ctx, instance);
    }
    return instance;
  };

  return {
    id: messagingPackageId,
    description: 'Publish/subscribe, work queues and request-reply between guests, workers and tabs (BroadcastChannel, CloudEvents envelopes).',
    create(ctx): Record<string, InterfaceImpl> {
      const { bus, types } = instanceOf(ctx);
      const producer = {
        send(client: Client, topic: string, message: Message): void | Promise<void> {
          types.assertConnected(client);
          const content = types.contentOf(message);
          const envelope = publishMessage(ctx, bus, { topic, message: content, action: 'send' });
          notifyPublished({ ctx, bus, topic, envelope, data: content.data });
          return bus.settled?.();
        },
      };
      const requestReply = { ...createRequestReply(ctx, bus, types) };
      // A bus without `settled` (BroadcastChannel, which batches posts by size and age too)
      // never hands back a Promise: the guest is not suspended for a send or a reply. A
      // server-backed bus (NATS) keeps the Promise its client needs to flush.
      if (!bus.settled) {
        answersSync(producer.send);
        answersSync(requestReply.reply);
      }
      return {
        types: { Client: types.Client, Message: types.Message },
        producer,
        'request-reply': requestReply,
      };
    },
    drives: { 'incoming-handler': 'subscriptions' },
    attachExports(ctx, exports) {
      const handle = findHandler(exports);
      if (handle === undefined) {
        if (ctx.config.subscriptions.length > 0) {
          ctx.log('stderr', 'messaging: subscriptions are configured but the guest exports no incoming-handler\n');
        }
        return;
      }
      const { bus, types } = instanceOf(ctx);
      deliverMessages(ctx, bus, types, handle);
    },
  };
}
