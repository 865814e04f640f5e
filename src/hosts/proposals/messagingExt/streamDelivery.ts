import { HostError, type HostContext } from '../../hostContract';
import type { DurableDelivery, DurableMessaging } from '../../backend';
import { readEnvelope } from '../../messaging/createEnvelope';
import { matchTopic } from '../../messaging/matchTopic';
import type { Message } from '../../messaging/messageTypes';
import type { Delivery, DeliveryExtension, HandlerOutcome } from '../../messaging/messagingExtension';
import type { LeaseOptions } from './leaseDelivery';
import { faultDeliveries } from './faultDeliveries';

/**
 * At-least-once delivery for proposal:messaging-ext on a backend with durable consumers
 * (NATS JetStream). Each subscription is a consumer group kept by the server: a work queue
 * `queue:NAME` is the group NAME, a fan-out subscription the group `guest:<name>`. Every
 * instance of that guest (another tab, another machine) is a member of it, so each message
 * reaches one instance; on the browser every instance admits every fan-out message and the
 * instances share only the takeover of each other's expired leases. The server holds each message for
 * one member until it is acked; the member's heartbeat (`working`, every lease/3) keeps a
 * slow handler's message; a member that dies stops the heartbeat and the server hands the
 * message to another member, on any machine, when the lease (ack wait) ends. `nack`
 * requeues at once; `nack` without requeue, or the last allowed delivery failing, drops it.
 * Faults at delivery act as the network would: a dropped delivery is left unacked (the
 * server redelivers it after the ack wait, to any member), and a duplicated one is two copies
 * of one server entry, which is acked only once both are settled (see #copies).
 * Messages come from the consumers, not the bus, so `takesDelivery` is set.
 */
export class StreamDelivery implements DeliveryExtension {
  readonly takesDelivery = true;
  readonly #ctx: HostContext;
  readonly #durable: DurableMessaging;
  readonly #options: LeaseOptions;
  /** The server's entry of each delivery still to settle (a duplicate's copies share one). */
  readonly #held = new Map<Delivery, HeldEntry>();
  readonly #byMessage = new WeakMap<Message, Delivery>();
  readonly #settled = new WeakSet<Delivery>();
  /**
   * Copies made by a duplicate fault at delivery, with their redelivery count. The server
   * holds one entry for both, so each copy is settled here on its own, as the browser keeps
   * a record per copy: a copy's nack(requeue) brings it back even when the other was acked.
   * The entry stays unacked (and heartbeated) until every copy is settled for good, so a copy
   * waiting for its redelivery is never only in this worker's memory: if the worker ends,
   * the server hands the message over again when the ack wait ends.
   */
  readonly #copies = new Map<Delivery, number>();
  /** Stored messages (stream sequences) handed to this guest lately, and the group each came from. */
  readonly #handedOver = new Map<number, string>();
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
      copied: (copy, of) => {
        const entry = this.#held.get(of);
        if (entry === undefined) return;
        entry.open += 1;
        entry.copied = true;
        this.#held.set(copy, entry);
        this.#copies.set(copy, 0);
      },
      // Lost on its way to this guest, as a real lost delivery: the server never hears of it
      // and keeps the message unacked; no heartbeat keeps it, so when the ack wait (the lease)
      // ends it hands it over again, to any member of the group. Terminating it here lost it
      // for every member of a queue group.
      dropped: (delivery) => {
        const entry = this.#held.get(delivery);
        this.#held.delete(delivery);
        if (entry !== undefined) entry.open -= 1;
      },
    });
    // One consumer group per work queue, and one for the guest's fan-out patterns together,
    // so a message matching two of them reaches the guest once, as on the browser.
    const groups = new Map<string, string[]>();
    const fanoutGroup = `guest:${this.#ctx.config.guest}`;
    for (const { pattern, group } of api.subscriptions ?? []) {
      const name = group ?? fanoutGroup;
      groups.set(name, [...(groups.get(name) ?? []), pattern]);
    }
    const fanouts = groups.get(fanoutGroup) ?? [];
    for (const [name, patterns] of groups) {
      this.#durable
        .consume(name, patterns, options, (held) => {
          if (halted) return;
          const delivery = this.#toDelivery(held, name);
          if (name !== fanoutGroup && fanouts.some((f) => matchTopic(f, delivery.fields.topic))) return settleQueueCopy(held);
          if (this.#handedOverBy(held.seq, name)) return settleQueueCopy(held);
          this.#held.set(delivery, { server: held, open: 1, copied: false });
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
      for (const entry of new Set(this.#held.values())) entry.server.working();
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
    const entry = this.#held.get(delivery);
    if (entry === undefined) throw new HostError({ tag: 'other', val: `message ${delivery.fields.id} is no longer held (delivery stopped)` });
    const held = entry.server;
    const redelivery = this.#copies.get(delivery) ?? held.redelivery;
    const base = { kind: 'message', topic: delivery.fields.topic, envelope: delivery.packet.envelope, data: delivery.packet.data, to: this.#ctx.config.guest } as const;
    const final = outcome === 'drop' || redelivery >= this.#options.maxRedeliveries;
    if (outcome === 'requeue' && !final && entry.copied) {
      // A duplicate's copy comes back from here, its entry still held on the server.
      this.#done(delivery);
      this.#ctx.emit({ ...base, action: 'nack' });
      const again = this.#redelivered(delivery.packet, readEnvelope(delivery.packet.envelope), delivery.group, redelivery + 1);
      this.#held.set(again, entry);
      this.#copies.set(again, redelivery + 1);
      return this.#inject(again);
    }
    // Copies still out: this one is settled here; the server's entry waits for them.
    const last = entry.open === 1;
    if (outcome === 'ack') {
      // Only a confirmed ack counts: on failure the message stays held and is redelivered.
      if (last) await held.ack();
      entry.open -= 1;
      this.#done(delivery);
      return this.#ctx.emit({ ...base, action: 'ack' });
    }
    if (last) {
      if (final) held.term();
      else held.nak();
    }
    entry.open -= 1;
    this.#done(delivery);
    this.#ctx.emit({ ...base, action: 'nack' });
    if (final) {
      if (outcome === 'requeue') this.#log(`dropping ${delivery.fields.id} on ${delivery.fields.topic} after ${redelivery} redeliveries`);
      this.#ctx.emit({ ...base, action: 'drop' });
    }
  }

  #done(delivery: Delivery): void {
    this.#settled.add(delivery);
    this.#held.delete(delivery);
    this.#copies.delete(delivery);
  }

  /**
   * True when another of this guest's groups already handed it the stored message `seq`: two
   * of its work queues both matching a message (`queue:jobs.*`, `queue:jobs.>`). On the
   * browser the guest claims it in each queue it wins and handles it once; here the second
   * group's copy is settled unhandled (settleQueueCopy). A redelivery comes from its own group.
   */
  #handedOverBy(seq: number, group: string): boolean {
    const first = this.#handedOver.get(seq);
    if (first !== undefined) return first !== group;
    this.#handedOver.set(seq, group);
    if (this.#handedOver.size > HANDED_OVER_REMEMBERED) this.#handedOver.delete(this.#handedOver.keys().next().value as number);
    return false;
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

/** The server's entry of a delivery, and how many of its copies are still to be settled. */
interface HeldEntry {
  server: DurableDelivery;
  open: number;
  /** A duplicate fault copied it: its requeues come back from this host, not the server. */
  copied: boolean;
}

/** Stored messages a StreamDelivery remembers handing over (see #handedOverBy); the oldest is forgotten first. */
const HANDED_OVER_REMEMBERED = 2000;

/**
 * A work queue's copy of a message this guest gets through another of its groups: its
 * fan-out group (a queue its fan-out patterns cover in part: `queue:jobs.*` beside
 * `jobs.eu`; as on the browser the guest handles the message once, as fan-out, and takes no
 * part in the queue for it), or another queue that handed it over first. The copy is acked
 * here, unhandled: the other group holds the message for this guest on the server until the
 * handler settles it (redelivering it if the handler fails or its worker ends), so nothing
 * is lost for the guest; and this member cannot pass the copy on to another member as the
 * browser's claims do (a nak hands it to any member, this one again, until max_deliver).
 * So a queue member that has the message already settles the queue's copy; the other
 * members get only the copies the server hands them. A queue the fan-out patterns cover
 * entirely is not consumed at all (messaging/guestSubscriptions.ts).
 */
function settleQueueCopy(held: DurableDelivery): void {
  // Unconfirmed or failed: the server hands the copy over again after the ack wait, and it is acked again.
  held.ack().catch(() => undefined);
}

function errorText(error: unknown): string {
  if (error instanceof HostError) return String((error.payload as { val?: unknown }).val ?? error.message);
  return error instanceof Error ? error.message : String(error);
}
