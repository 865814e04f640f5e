import type { HostContext } from '../hostContract';
import type { Bus, BusMessagePacket } from './createBus';
import type { Envelope, EnvelopeFields } from './createEnvelope';
import type { Message, MessageTypes } from './messageTypes';

/**
 * Hooks through which companion packages (proposal:messaging-ext) extend this host without
 * forking it. The runtime creates every package of a run with the same HostContext, so
 * per-context maps link a companion to this guest's bus and resource classes: jco checks
 * `message`/`client` handles with `instanceof` against the classes `types` exported, and
 * those are created per guest.
 */

/** This guest's bus and resource classes, as the messaging package created them. */
export interface MessagingInstance {
  bus: Bus;
  types: MessageTypes;
}

const instances = new WeakMap<HostContext, MessagingInstance>();

/** Called by the messaging host when it creates a guest's instance. */
export function registerMessagingInstance(ctx: HostContext, instance: MessagingInstance): void {
  instances.set(ctx, instance);
}

/** The guest's messaging instance, once the messaging package's `create(ctx)` ran. */
export function messagingInstanceOf(ctx: HostContext): MessagingInstance | undefined {
  return instances.get(ctx);
}

/** One message on its way to the guest's incoming-handler. */
export interface Delivery {
  packet: BusMessagePacket;
  fields: EnvelopeFields;
  /** Work-queue group that won the claim, or `guest:<name>` for fan-out subscriptions. */
  group: string;
}

/** How a handler run ended: ok/err return, a trap, or any other exception. */
export type HandlerOutcome = 'ok' | 'err' | 'trap' | 'failed';

/**
 * Changes delivery semantics (at-least-once with leases). Without one, delivery is the
 * standard at-most-once: claim, run the handler, forget.
 */
export interface DeliveryExtension {
  /**
   * The extension brings every message itself (durable consumers on a NATS server) through
   * `inject`; the handler then takes nothing from the bus.
   */
  readonly takesDelivery?: boolean;
  /** Delivery started; `inject` hands (re)deliveries to the handler queue. Returns a stop function. */
  start(api: {
    owner: string;
    groups: string[];
    /** The guest's subscriptions (pattern, and work-queue group `queue:NAME` if any). */
    subscriptions?: Array<{ pattern: string; group?: string }>;
    inject(delivery: Delivery): void;
  }): () => void;
  /** Makes the message durable before the handler sees it; false = skip it. */
  admit(delivery: Delivery): Promise<boolean>;
  /** The Message object handed to the handler (so ack/nack can find its delivery). */
  bind(delivery: Delivery, message: Message): void;
  /** After the handler; the extension emits the ack/nack trace events. */
  settle(delivery: Delivery, outcome: HandlerOutcome): Promise<void>;
}

const extensions = new WeakMap<HostContext, DeliveryExtension>();

/** Installs a delivery extension for a guest; must happen before `attachExports`. */
export function setDeliveryExtension(ctx: HostContext, extension: DeliveryExtension): void {
  extensions.set(ctx, extension);
}

export function deliveryExtensionOf(ctx: HostContext): DeliveryExtension | undefined {
  return extensions.get(ctx);
}

/** A `producer.send` that went out on the bus. */
export interface Published {
  ctx: HostContext;
  bus: Bus;
  topic: string;
  envelope: Envelope;
  data: Uint8Array;
}

/** Sees every `producer.send` of every guest in this worker (e.g. to append a topic log). */
export type PublishObserver = (published: Published) => void;

const observers = new Set<PublishObserver>();

/** Adds an observer for the life of the worker; returns a function that removes it. */
export function observePublications(observer: PublishObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Called by the producer after a successful send. An observer's failure never fails the send. */
export function notifyPublished(published: Published): void {
  for (const observer of observers) {
    try {
      observer(published);
    } catch (error) {
      published.ctx.log('stderr', `messaging: publication observer failed: ${String(error)}\n`);
    }
  }
}
