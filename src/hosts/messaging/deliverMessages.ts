import type { HostContext } from '../hostContract';
import { claimMessage } from './claimMessage';
import type { Bus, BusMessagePacket } from './createBus';
import { readEnvelope, type EnvelopeFields } from './createEnvelope';
import { matchTopic, type Subscription } from './matchTopic';
import { guestSubscriptions } from './guestSubscriptions';
import type { Message, ReceivedFields } from './messageTypes';
import { deliveryExtensionOf, type Delivery, type HandlerOutcome } from './messagingExtension';
import { randomUuid } from '../../platform/randomUuid';
import type { TraceEventInput } from '../../trace/encodeTraceBatch';
import { atRunEnd } from '../../platform/atRunEnd';

/** Why a standard handler's message was dropped: what its `handle` call ended in. */
type DropReason = 'handler returned err' | 'handler trapped' | 'handler failed';

/** The guest's `incoming-handler.handle` export, possibly async (JSPI promising export). */
export type HandleFn<M = Message> = (message: M) => unknown;

/** Turns a message from the bus into what the guest's handler takes (a resource, or a record in 0.3). */
export interface ReceiveAs<M> {
  received(fields: ReceivedFields): M;
}

/** How deliveries reach the handler. */
export interface DeliveryOptions {
  /**
   * Start each handler call as its message arrives instead of after the previous call
   * finished: for async (WASI 0.3) handlers, which may await while more messages arrive.
   */
  concurrent?: boolean;
}

/**
 * Finds `handle` in a jco export object, which may key the interface as `incomingHandler`
 * or by its full id with or without version.
 */
export function findHandler(exports: Record<string, unknown>): HandleFn | undefined {
  for (const [key, value] of Object.entries(exports)) {
    const isHandler = key === 'incomingHandler' || /^wasi:messaging\/incoming-handler(@.*)?$/.test(key);
    if (!isHandler || value === null || typeof value !== 'object') continue;
    const handle = (value as { handle?: unknown }).handle;
    if (typeof handle === 'function') return (message) => handle.call(value, message);
  }
  return undefined;
}

/**
 * Subscribes a guest's incoming-handler to the bus. Handlers run one at a time, in arrival
 * order for fan-out subscriptions. For `queue:` subscriptions on a broadcast bus the guest
 * first claims the message (claimMessage); a busy guest waits a little before claiming so
 * idle consumers tend to win, spreading work (a bus that routes groups itself, NATS, has
 * picked the member already). A message is handled at most once per guest even when
 * several patterns match; one a fan-out pattern matches is handled as fan-out, and its
 * queue's copy left to the queue's other members (guestSubscriptions.ts). Returns a
 * function that stops delivery.
 */
export function deliverMessages<M = Message>(ctx: HostContext, bus: Bus, types: ReceiveAs<M>, handle: HandleFn<M>, options: DeliveryOptions = {}): () => void {
  const { guest, namespace } = ctx.config;
  // Without the work queues its fan-out patterns cover (see guestSubscriptions).
  const subscriptions = guestSubscriptions(ctx);
  const owner = `${ctx.tab ?? 'local'}/${guest}/${randomUuid()}`;
  const claimedElsewhere = new Set<string>();
  // Deliveries waiting for the handler, run one at a time by `drain` (one loop per backlog,
  // not a promise chain link per message: a flood queues thousands).
  let waiting: Delivery[] = [];
  let head = 0;
  let draining = false;
  // Claims run one at a time so a consumer's backlog (queued) is known before each claim.
  let claims: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let stopped = false;

  // An extension (proposal:messaging-ext acks) makes delivery at-least-once.
  const ext = deliveryExtensionOf(ctx);
  const fanoutGroup = `guest:${guest}`;

  const drain = async (): Promise<void> => {
    while (head < waiting.length) {
      const delivery = waiting[head]!;
      waiting[head] = undefined as unknown as Delivery;
      head += 1;
      // Drop the consumed front now and then, so a long backlog is not copied per message.
      if (head >= 1024 && head * 2 >= waiting.length) {
        waiting = waiting.slice(head);
        head = 0;
      }
      try {
        await runHandler(delivery);
      } catch (error) {
        ctx.log('stderr', `messaging: delivery of ${delivery.fields.topic} failed: ${String(error)}\n`);
      } finally {
        queued -= 1;
      }
    }
    waiting = [];
    head = 0;
    draining = false;
  };

  const enqueue = (delivery: Delivery): void => {
    queued += 1;
    if (options.concurrent) {
      void runHandler(delivery).finally(() => { queued -= 1; });
      return;
    }
    waiting.push(delivery);
    // Started after the current listener returns (as the promise chain did before), so the
    // other listeners of this packet and the rest of its batch are dispatched first.
    if (!draining) {
      draining = true;
      queueMicrotask(() => void drain());
    }
  };

  // With an extension the message is made durable (admit) before it waits in the queue.
  const admitThenEnqueue = async (delivery: Delivery): Promise<void> => {
    if (ext === undefined || (await ext.admit(delivery))) {
      if (!stopped) enqueue(delivery);
    }
  };

  const runHandler = async (delivery: Delivery): Promise<void> => {
    if (stopped) return;
    const { packet, fields } = delivery;
    // Once per delivery of a flood: the events and fields are built without spreads.
    // Standard wasi:messaging has no ack or nack: an ok return is done; an err (or a throw
    // or trap) leaves the message dropped, never redelivered. The trace says "drop" and why;
    // a "nack" there read as if the host would retry. The extension traces its own.
    const settled = (reason?: DropReason): void =>
      ctx.emit(reason === undefined ? { kind: 'message', action: 'ack', topic: fields.topic, envelope: packet.envelope, data: packet.data, to: guest } : { kind: 'message', action: 'drop', topic: fields.topic, envelope: packet.envelope, data: packet.data, to: guest, reason });
    const delivered: Extract<TraceEventInput, { kind: 'message' }> = { kind: 'message', action: 'deliver', topic: fields.topic, envelope: packet.envelope, data: packet.data, to: guest };
    // Only brokered packets (NATS) have a transit; no object per delivery for the others.
    const transit = packet.via === undefined ? undefined : transitOf(packet).transit;
    if (transit) delivered.transit = transit;
    ctx.emit(delivered);
    let outcome: HandlerOutcome = 'failed';
    try {
      const message = types.received({ data: packet.data, topic: fields.topic, contentType: fields.contentType, metadata: fields.metadata, replyTo: fields.replyTo });
      ext?.bind(delivery, message as Message);
      const result: unknown = await handle(message);
      const isErr = typeof result === 'object' && result !== null && (result as { tag?: unknown }).tag === 'err';
      outcome = isErr ? 'err' : 'ok';
      if (!ext) settled(isErr ? 'handler returned err' : undefined);
    } catch (error) {
      const payload = (error as { payload?: unknown } | null)?.payload;
      if (!ext) settled(payload !== undefined ? 'handler returned err' : error instanceof WebAssembly.RuntimeError ? 'handler trapped' : 'handler failed');
      if (payload !== undefined) {
        outcome = 'err';
        ctx.log('stderr', `messaging: handler returned error for ${fields.topic}: ${JSON.stringify(payload)}\n`);
      } else if (error instanceof WebAssembly.RuntimeError) {
        // A trapped instance cannot run again; further deliveries would only trap too.
        ctx.log('stderr', `messaging: handler trapped on ${fields.topic}: ${error.message}; delivery stopped\n`);
        // The runtime never sees this trap (the host made the call), so report it here.
        ctx.emit({ kind: 'lifecycle', phase: 'trap', detail: `incoming-handler trapped: ${error.message}` });
        outcome = 'trap';
        stop();
      } else {
        ctx.log('stderr', `messaging: handler failed on ${fields.topic}: ${String(error)}\n`);
      }
    }
    if (ext) await ext.settle(delivery, outcome).catch((e: unknown) => ctx.log('stderr', `messaging: settling ${fields.topic} failed: ${String(e)}\n`));
  };

  /** Claims the message in each group; resolves with the first group won, if any. */
  const claimAny = async (id: string, groups: string[]): Promise<string | undefined> => {
    await new Promise((r) => setTimeout(r, queued * 3 + Math.random() * 2));
    let won: string | undefined;
    for (const group of groups) {
      if (claimedElsewhere.delete(`${id} ${group}`)) continue;
      if (await claimMessage(namespace, id, group, owner)) {
        won ??= group;
        bus.post({ type: 'claimed', id, group, by: owner });
      }
    }
    return won;
  };

  // A flood repeats a few topics: which subscriptions match one is worked out once (matchTopic
  // validates and splits pattern and topic on every call), not per delivery.
  const matchesByTopic = new Map<string, Subscription[]>();
  const matchingOf = (topic: string): Subscription[] => {
    let matching = matchesByTopic.get(topic);
    if (matching === undefined) {
      matching = subscriptions.filter((s) => matchTopic(s.pattern, topic));
      // Bounded: reply inboxes and generated topics are each seen once.
      if (matchesByTopic.size >= MATCH_CACHE_TOPICS) matchesByTopic.clear();
      matchesByTopic.set(topic, matching);
    }
    return matching;
  };

  const unlisten = bus.listen((packet) => {
    if (stopped || ext?.takesDelivery) return;
    if (packet.type === 'claimed') {
      if (packet.by !== owner) rememberClaim(claimedElsewhere, `${packet.id} ${packet.group}`);
      return;
    }
    if (packet.type !== 'message') return;
    let fields: EnvelopeFields;
    try {
      fields = readEnvelope(packet.envelope);
    } catch (error) {
      ctx.log('stderr', `messaging: dropped malformed bus message: ${String(error)}\n`);
      return;
    }
    const matching = matchingOf(fields.topic);
    if (matching.length === 0) return;
    if (matching.some((s) => s.group === undefined)) {
      const delivery: Delivery = { packet, fields, group: fanoutGroup };
      if (!ext) return enqueue(delivery);
      // Through the claims chain so admitted fan-out messages keep their arrival order.
      claims = claims.then(() => admitThenEnqueue(delivery)).catch((error: unknown) => ctx.log('stderr', `messaging: could not record ${fields.topic}: ${String(error)}\n`));
      return;
    }
    const groups = [...new Set(matching.map((s) => s.group as string))];
    // The server gave this member the message (a NATS queue group): it is this guest's to
    // handle. A claim in this browser's IndexedDB lost a message sent twice when the server
    // gave its second copy to another member in this browser: the first copy's claim held it.
    if (bus.routesGroups) {
      const delivery: Delivery = { packet, fields, group: groups[0]! };
      if (!ext) return enqueue(delivery);
      claims = claims.then(() => admitThenEnqueue(delivery)).catch((error: unknown) => ctx.log('stderr', `messaging: could not record ${fields.topic}: ${String(error)}\n`));
      return;
    }
    claims = claims.then(() => claimAny(fields.id, groups)).then(
      async (won) => {
        if (won !== undefined && !stopped) await admitThenEnqueue({ packet, fields, group: won });
      },
      (error: unknown) => ctx.log('stderr', `messaging: claim failed for ${fields.topic}: ${String(error)}\n`),
    );
  });

  // Subject-routed buses (NATS) deliver only what was subscribed; queue groups split work there.
  const unsubscribe = ext?.takesDelivery ? [] : subscriptions.map((s) => bus.subscribe?.(s.pattern, s.group));

  const stopExt = ext?.start({
    owner,
    subscriptions: subscriptions.map((s) => ({ pattern: s.pattern, ...(s.group === undefined ? {} : { group: s.group }) })),
    groups: [...new Set([...subscriptions.flatMap((s) => (s.group === undefined ? [] : [s.group])), ...(subscriptions.some((s) => s.group === undefined) ? [fanoutGroup] : [])])],
    inject: (delivery) => {
      if (!stopped) enqueue(delivery);
    },
  });

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    unlisten();
    for (const off of unsubscribe) off?.();
    stopExt?.();
  };
  // A stopped handler's worker may be handed to another run (runWorker.ts `recycle`).
  atRunEnd(stop);
  return stop;
}

/** Topics whose matching subscriptions a delivering guest remembers (deliverMessages). */
const MATCH_CACHE_TOPICS = 256;

// Claimed notices only matter for a moment; cap the set so a long run does not grow it.
function rememberClaim(set: Set<string>, key: string): void {
  set.add(key);
  if (set.size > 1000) set.delete(set.values().next().value as string);
}

/**
 * How a message came through a broker: which one, its delay (receipt − CloudEvents `time`)
 * when known, and whether it carried this browser's seal. Present for every brokered message,
 * even one without a `time`: the trace tells this browser's sends from a peer's by it, and
 * a peer leaving out `time` must not pass for a message that never crossed the server.
 */
export function transitOf(packet: BusMessagePacket): { transit?: { via: string; ms?: number; fromThisBrowser?: boolean; replayed?: boolean } } {
  if (packet.via === undefined) return {};
  const stamped = Date.parse(packet.envelope.time ?? '');
  const sent = Number.isNaN(stamped) ? packet.storedAt : stamped;
  const transit: { via: string; ms?: number; fromThisBrowser?: boolean; replayed?: boolean } = { via: packet.via };
  if (sent !== undefined && packet.receivedAt !== undefined) transit.ms = Math.round((packet.receivedAt - sent) * 10) / 10;
  if (packet.fromThisBrowser) transit.fromThisBrowser = true;
  else if (packet.replayed) transit.replayed = true;
  return { transit };
}
