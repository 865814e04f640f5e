import { HostError, type HostContext } from '../../hostContract';
import { readEnvelope } from '../../messaging/createEnvelope';
import { matchTopic } from '../../messaging/matchTopic';
import type { Message } from '../../messaging/messageTypes';
import type { Delivery, DeliveryExtension, HandlerOutcome, MessagingInstance } from '../../messaging/messagingExtension';
import { randomUuid } from '../../../platform/randomUuid';
import { putInflight, reclaimExpired, renewLeases, tagOf, updateHeld, type InflightRecord } from './inflightStore';

/** Tunables; tests shorten the lease. */
export interface LeaseOptions {
  /** How long a holder may go silent before others take its messages; default 10 s. */
  leaseMs: number;
  /** Redeliveries before a message is dropped (a poison message must not loop forever); default 5. */
  maxRedeliveries: number;
}

/**
 * At-least-once delivery for proposal:messaging-ext, by leases in IndexedDB
 * (`${namespace}-msg`, store `inflight`, key [group, message id]):
 *
 * 1. Admit: after winning the work-queue claim (or, for fan-out, on arrival; the group is
 *    then `guest:<name>`), the subscriber writes {holder: itself, leaseUntil: now + lease}
 *    BEFORE the message waits for the handler. A message is never only in memory. Each
 *    admitted copy gets its own tag (the record's key): a message sent twice arrives twice
 *    with one id, and nacking one copy must not be undone by acking the other.
 * 2. Heartbeat: every lease/3 the holder extends leaseUntil of everything it holds, so a
 *    slow handler keeps its message while its worker lives.
 * 3. Settle: `ack` (or an ok return of handle) deletes the record. `nack(requeue)`, an err
 *    return, an exception or a trap releases it (holder '', leaseUntil 0) and posts a
 *    `requeued` notice; `nack` without requeue, or more than `maxRedeliveries`, deletes it
 *    and traces a drop. Every change checks the holder in the same transaction.
 * 4. Reclaim: each subscriber of the group scans the group's records on start, every
 *    lease/2, and on a `requeued` notice, and takes records whose lease ended (released, or
 *    the holder's worker was terminated and stopped its heartbeat) in one readwrite
 *    transaction. The taker redelivers with metadata ("redelivery", n) and envelope
 *    extension `redelivery`.
 * Duplicates are possible (a holder that stalls longer than its lease), never loss.
 */
export class LeaseDelivery implements DeliveryExtension {
  readonly #ctx: HostContext;
  readonly #instance: MessagingInstance;
  readonly #options: LeaseOptions;
  readonly #held = new Map<string, { group: string; tag: string; redelivery: number }>();
  readonly #tags = new WeakMap<Delivery, string>();
  readonly #byMessage = new WeakMap<Message, Delivery>();
  readonly #settled = new WeakSet<Delivery>();
  #owner = '';
  /** The guest's fan-out patterns: a work queue's copies of what they match are not its to reclaim. */
  #fanouts: string[] = [];
  #halt: () => void = () => undefined;

  constructor(ctx: HostContext, instance: MessagingInstance, options: LeaseOptions) {
    this.#ctx = ctx;
    this.#instance = instance;
    this.#options = options;
  }

  start(api: { owner: string; groups: string[]; subscriptions?: Array<{ pattern: string; group?: string }>; inject(delivery: Delivery): void }): () => void {
    this.#owner = api.owner;
    const { leaseMs } = this.#options;
    this.#fanouts = (api.subscriptions ?? []).flatMap((s) => (s.group === undefined ? [s.pattern] : []));
    const reclaim = (group: string) => void this.#reclaim(group, api.inject).catch((e: unknown) => this.#log(`reclaim in ${group} failed: ${String(e)}`));
    const scan = () => api.groups.forEach(reclaim);
    const heartbeat = setInterval(() => {
      const keys = [...this.#held.values()].map((d): [string, string] => [d.group, d.tag]);
      renewLeases(this.#ctx.config.namespace, keys, this.#owner, Date.now() + leaseMs).catch((e: unknown) => this.#log(`lease renewal failed: ${String(e)}`));
    }, leaseMs / 3);
    const sweep = setInterval(scan, leaseMs / 2);
    const unlisten = this.#instance.bus.listen((p) => {
      if (p.type === 'notice' && p.name === 'requeued' && p.group !== undefined && api.groups.includes(p.group)) reclaim(p.group);
    });
    scan();
    this.#halt = () => {
      clearInterval(heartbeat);
      clearInterval(sweep);
      unlisten();
    };
    return () => this.halt();
  }

  /** Stops heartbeat and reclaiming, as a terminated worker would; held leases then expire. */
  halt(): void {
    this.#halt();
    this.#held.clear();
  }

  async admit(delivery: Delivery): Promise<boolean> {
    const tag = randomUuid();
    const record: InflightRecord = {
      group: delivery.group, id: delivery.fields.id, tag, envelope: delivery.packet.envelope, data: delivery.packet.data,
      holder: this.#owner, leaseUntil: Date.now() + this.#options.leaseMs, redelivery: 0,
    };
    this.#tags.set(delivery, tag);
    await putInflight(this.#ctx.config.namespace, record);
    this.#held.set(this.#keyOf(delivery), { group: delivery.group, tag, redelivery: 0 });
    return true;
  }

  bind(delivery: Delivery, message: Message): void {
    this.#byMessage.set(message, delivery);
  }

  /** Explicit `acks.ack` / `acks.nack` from the guest; err(other) for unknown or settled messages. */
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
    this.#settled.add(delivery);
    const key = this.#keyOf(delivery);
    const held = this.#held.get(key);
    this.#held.delete(key);
    const redelivery = held?.redelivery ?? 0;
    const final = outcome === 'ack' || outcome === 'drop' || redelivery >= this.#options.maxRedeliveries;
    const { namespace } = this.#ctx.config;
    const stillHeld = await updateHeld(namespace, delivery.group, this.#tagOf(delivery), this.#owner, (r) =>
      final ? undefined : { ...r, holder: '', leaseUntil: 0 },
    );
    const base = { kind: 'message', topic: delivery.fields.topic, envelope: delivery.packet.envelope, data: delivery.packet.data, to: this.#ctx.config.guest } as const;
    if (!stillHeld) this.#log(`lease on ${delivery.fields.id} had expired; another subscriber may have handled it too`);
    if (outcome === 'ack') return this.#ctx.emit({ ...base, action: 'ack' });
    this.#ctx.emit({ ...base, action: 'nack' });
    if (final) {
      if (outcome === 'requeue') this.#log(`dropping ${delivery.fields.id} on ${delivery.fields.topic} after ${redelivery} redeliveries`);
      this.#ctx.emit({ ...base, action: 'drop' });
    } else {
      this.#instance.bus.post({ type: 'notice', name: 'requeued', group: delivery.group });
    }
  }

  async #reclaim(group: string, inject: (d: Delivery) => void): Promise<void> {
    // A queue's copy of a message this guest has by fan-out is its other members' (the guest
    // never claims one, messaging/guestSubscriptions.ts): one whose holder died is left to them.
    const fanouts = group.startsWith('queue:') ? this.#fanouts : [];
    const theirs = (r: InflightRecord): boolean => r.envelope.subject !== undefined && fanouts.some((f) => matchTopic(f, r.envelope.subject!));
    const taken = await reclaimExpired(this.#ctx.config.namespace, group, this.#owner, this.#options.leaseMs, fanouts.length === 0 ? undefined : (r) => !theirs(r));
    for (const record of taken) {
      const envelope = { ...record.envelope, redelivery: String(record.redelivery) };
      const fields = readEnvelope(record.envelope);
      fields.metadata = [...(fields.metadata ?? []), ['redelivery', String(record.redelivery)]];
      const delivery: Delivery = { packet: { type: 'message', envelope, data: record.data }, fields, group };
      this.#tags.set(delivery, tagOf(record));
      this.#held.set(this.#keyOf(delivery), { group, tag: tagOf(record), redelivery: record.redelivery });
      inject(delivery);
    }
  }

  #log(text: string): void {
    this.#ctx.log('stderr', `messaging-ext: ${text}\n`);
  }

  /** The tag given at admit or reclaim; the id for a delivery this extension never admitted. */
  #tagOf(d: Delivery): string {
    return this.#tags.get(d) ?? d.fields.id;
  }

  #keyOf(d: Delivery): string {
    return `${d.group}\u0000${this.#tagOf(d)}`;
  }
}
