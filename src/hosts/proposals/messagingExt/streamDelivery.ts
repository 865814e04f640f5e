import { HostError, type HostContext } from '../../hostContract';
import type { DurableDelivery, DurableMessaging } from '../../backend';
import { readEnvelope } from '../../messaging/createEnvelope';
import type { Message } from '../../messaging/messageTypes';
import type { Delivery, DeliveryExtension, HandlerOutcome } from '../../messaging/messagingExtension';
import type { LeaseOptions } from './leaseDelivery';
import { faultDeliveries } from './faultDeliveries';

/**
 * At-least-once delivery for proposal:messaging-ext on a backend with durable consumers
 * (NATS JetStream). Each subscription is a consumer group kept by the server: a work queue
 * `queue:NAME` is the group NAME, a fan-out subscription the group `guest:<name>` (every
 * instance of that guest shares it, as on the browser). The server holds each message for
 * one member until it is acked; the member's heartbeat (`working`, every lease/3) keeps a
 * slow handler's message; a member that dies stops the heartbeat and the server hands the
 * message to another member, on any machine, when the lease (ack wait) ends. `nack`
 * requeues at once; `nack` without requeue, or the last allowed delivery failing, drops it.
 * Messages come from the consumers, not the bus, so `takesDelivery` is set.
 */
export class StreamDelivery implements DeliveryExtension {
  readonly takesDelivery = true;
  readonly #ctx: HostContext;
  readonly #durable: DurableMessaging;
  readonly #options: LeaseOptions;
  readonly #held = new Map<Delivery, DurableDelivery>();
  readonly #byMessage = new WeakMap<Message, Delivery>();
  readonly #settled = new WeakSet<Delivery>();
  /**
   * Copies made by a duplicate fault at delivery, with their redelivery count. The server
   * holds one entry for both, so each copy is settled here on its own, as the browser keeps
   * a record per copy: a copy's nack(requeue) brings it back even when the other was acked.
   */
  readonly #copies = new Map<Delivery, number>();
  #inject: (delivery: Delivery) => void = () => undefined;
  #halt: () => void = () => undefined;

  constructor(ctx: HostContext, durable: DurableMessaging, options: LeaseOptions) {
    this.#ctx = ctx;
    this.#durable = durable;
    this.#options = options;
  }

  start(api: Parameters<DeliveryExtension['start']>[0]): () => void {
    const stops: Array<() => void> = [];
    let halted = false;
    const options = { ackWaitMs: this.#options.leaseMs, maxDeliver: this.#options.maxRedeliveries + 1 };
    this.#inject = (delivery) => {
      if (!halted) api.inject(delivery);
    };
    const faulted = faultDeliveries(this.#ctx, {
      forward: this.#inject,
      copied: (copy) => this.#copies.set(copy, 0),
      // Lost on its way to this guest: the server forgets it too, as a browser handler never sees it.
      dropped: (delivery) => {
        this.#held.get(delivery)?.term();
        this.#held.delete(delivery);
      },
    });
    // One consumer group per work queue, and one for the guest's fan-out patterns together,
    // so a message matching two of them reaches the guest once, as on the browser.
    const groups = new Map<string, string[]>();
    for (const { pattern, group } of api.subscriptions ?? []) {
      const name = group ?? `guest:${this.#ctx.config.guest}`;
      groups.set(name, [...(groups.get(name) ?? []), pattern]);
    }
    for (const [name, patterns] of groups) {
      this.#durable
        .consume(name, patterns, options, (held) => {
          if (halted) return;
          const delivery = this.#toDelivery(held, name);
          this.#held.set(delivery, held);
          // Redeliveries come from the server's own record, as the browser's come from IndexedDB: unfaulted.
          if (faulted && held.redelivery === 0) faulted(delivery);
          else api.inject(delivery);
        })
        .then(
          (stop) => (halted ? stop() : stops.push(stop)),
          (error: unknown) => this.#log(`cannot consume ${patterns.join(', ')} as ${name}: ${errorText(error)}`),
        );
    }
    const heartbeat = setInterval(() => {
      for (const held of this.#held.values()) held.working();
    }, this.#options.leaseMs / 3);
    this.#halt = () => {
      halted = true;
      clearInterval(heartbeat);
      stops.forEach((stop) => stop());
      // Unsettled messages stay with the server; their ack wait ends and another member gets them.
      this.#held.clear();
      this.#copies.clear();
    };
    return () => this.halt();
  }

  halt(): void {
    this.#halt();
  }

  async admit(): Promise<boolean> {
    return true;
  }

  bind(delivery: Delivery, message: Message): void {
    this.#byMessage.set(message, delivery);
  }

  async settleMessage(message: unknown, outcome: 'ack' | 'requeue' | 'drop'): Promise<void> {
    const delivery = typeof message === 'object' && message !== null ? this.#byMessage.get(message as Message) : undefined;
    if (delivery === undefined) throw new HostError({ tag: 'other', val: 'this message was not delivered to the incoming-handler, so there is nothing to acknowledge' });
    if (this.#settled.has(delivery)) throw new HostError({ tag: 'other', val: `message ${delivery.fields.id} was already acked or nacked` });
    await this.#finish(delivery, outcome);
  }

  async settle(delivery: Delivery, outcome: HandlerOutcome): Promise<void> {
    if (this.#settled.has(delivery)) return;
    await this.#finish(delivery, outcome === 'ok' ? 'ack' : 'requeue');
  }

  async #finish(delivery: Delivery, outcome: 'ack' | 'requeue' | 'drop'): Promise<void> {
    const copyRedelivery = this.#copies.get(delivery);
    if (copyRedelivery !== undefined) return this.#finishCopy(delivery, outcome, copyRedelivery);
    const held = this.#held.get(delivery);
    if (held === undefined) throw new HostError({ tag: 'other', val: `message ${delivery.fields.id} is no longer held (delivery stopped)` });
    const base = { kind: 'message', topic: delivery.fields.topic, envelope: delivery.packet.envelope, data: delivery.packet.data, to: this.#ctx.config.guest } as const;
    if (outcome === 'ack') {
      // Only a confirmed ack counts: on failure the message stays held and is redelivered.
      await held.ack();
      this.#done(delivery);
      return this.#ctx.emit({ ...base, action: 'ack' });
    }
    const final = outcome === 'drop' || held.redelivery >= this.#options.maxRedeliveries;
    if (final) held.term();
    else held.nak();
    this.#done(delivery);
    this.#ctx.emit({ ...base, action: 'nack' });
    if (final) {
      if (outcome === 'requeue') this.#log(`dropping ${delivery.fields.id} on ${delivery.fields.topic} after ${held.redelivery} redeliveries`);
      this.#ctx.emit({ ...base, action: 'drop' });
    }
  }

  /** Settles a duplicate's copy here (see #copies); a requeued one comes back with its count. */
  #finishCopy(delivery: Delivery, outcome: 'ack' | 'requeue' | 'drop', redelivery: number): void {
    this.#copies.delete(delivery);
    this.#settled.add(delivery);
    const base = { kind: 'message', topic: delivery.fields.topic, envelope: delivery.packet.envelope, data: delivery.packet.data, to: this.#ctx.config.guest } as const;
    if (outcome === 'ack') return this.#ctx.emit({ ...base, action: 'ack' });
    this.#ctx.emit({ ...base, action: 'nack' });
    if (outcome === 'drop' || redelivery >= this.#options.maxRedeliveries) {
      if (outcome === 'requeue') this.#log(`dropping ${delivery.fields.id} on ${delivery.fields.topic} after ${redelivery} redeliveries`);
      return this.#ctx.emit({ ...base, action: 'drop' });
    }
    const fields = readEnvelope(delivery.packet.envelope);
    const again: Delivery = this.#redelivered(delivery.packet, fields, delivery.group, redelivery + 1);
    this.#copies.set(again, redelivery + 1);
    this.#inject(again);
  }

  #done(delivery: Delivery): void {
    this.#settled.add(delivery);
    this.#held.delete(delivery);
  }

  #toDelivery(held: DurableDelivery, group: string): Delivery {
    const fields = readEnvelope(held.packet.envelope);
    if (held.redelivery === 0) return { packet: held.packet, fields, group };
    return this.#redelivered(held.packet, fields, group, held.redelivery);
  }

  /** As on the browser: the redelivery count in metadata and as an envelope extension. */
  #redelivered(packet: Delivery['packet'], fields: Delivery['fields'], group: string, redelivery: number): Delivery {
    fields.metadata = [...(fields.metadata ?? []).filter(([k]) => k !== 'redelivery'), ['redelivery', String(redelivery)]];
    const envelope = { ...packet.envelope, redelivery: String(redelivery) };
    return { packet: { ...packet, envelope }, fields, group };
  }

  #log(text: string): void {
    this.#ctx.log('stderr', `messaging-ext: ${text}\n`);
  }
}

function errorText(error: unknown): string {
  if (error instanceof HostError) return String((error.payload as { val?: unknown }).val ?? error.message);
  return error instanceof Error ? error.message : String(error);
}
