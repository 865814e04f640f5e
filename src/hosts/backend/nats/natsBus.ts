import { randomUuid } from '../../../platform/randomUuid';
import type { Msg, MsgHdrs, MsgHdrsImpl, Subscription } from '@nats-io/nats-core';
import type { Bus, BusListener, BusMessagePacket, BusPacket } from '../../messaging/busTypes';
import { markUnsettled } from '../../messaging/settleBuses';
import type { Envelope } from '../../messaging/createEnvelope';
import type { NatsLink } from './connectNats';
import { isHiddenSubject, logSubject, logSubjects, toQueueName, toSubjectFilter } from './natsNames';
import { isNoResponders, readHeaderPairs, toHeaders } from './natsHeaders';
import type { NatsStreams } from './natsStreams';
import { createCopyFilter } from './natsCopies';
import { holdNatsSends } from './holdNatsSends';
import { SEAL_HEADER, type NatsSeal, type SealedTransmission } from './natsSeal';
import { CORE_WINDOW_MS, coreReplayCheck, createReplayGuard } from './natsReplay';
import { untilLoss } from './failOnLoss';

// Where the bench's raw worker and the tests have always found it.
export { toHeaders };

/**
 * The messaging bus on NATS core subjects. A message is published to the subject of its
 * topic with its CloudEvents envelope in the NATS protocol binding, binary content mode:
 * each attribute is a `ce-<name>` header, `datacontenttype` is `content-type`, and the
 * payload is the guest's bytes untouched. Binary mode (not structured JSON) because the
 * payload is arbitrary bytes that JSON would have to base64, and because any NATS client
 * that ignores headers still sees exactly the bytes the guest sent. A request's reply
 * inbox is both the `ce-replyto` attribute and the NATS reply subject, so plain NATS
 * responders (`msg.respond`) reach the playground too.
 *
 * Only declared subjects are received (`subscribe`); `queue:NAME` subscriptions join the
 * NATS queue group NAME, so the server hands each message to one member on any machine.
 * Bookkeeping packets of the browser bus (claims, notices) have no meaning here and are
 * dropped: queue groups make claims unnecessary. A send's topic-log entry (`appendToLog`)
 * goes to its own subject, `$WCP.log.<namespace>.<topic>`, which the stream keeps: the topic
 * itself carries what the (possibly faulty) network delivers, the log what was sent.
 */
export function createNatsBus(link: NatsLink, namespace: string, log?: TopicLogGate, seal?: NatsSeal): Bus {
  const listeners = new Set<BusListener>();
  const subscriptions = new Set<Subscription>();
  // One message reaches a guest once even when several of its patterns match it, and a
  // message sent twice reaches it twice (natsCopies.ts).
  const copies = createCopyFilter();
  let subscriptionCount = 0;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;
  // When publications reach the client: batched sends, log entries after them (holdNatsSends.ts).
  const hold = holdNatsSends();
  // A send's headers, kept for its topic-log entry (the same envelope, payload and seal).
  const sealedFor = new WeakMap<Envelope, { data: Uint8Array; headers: MsgHdrsImpl }>();
  const headersOf = (envelope: Envelope, data: Uint8Array, forLog: boolean): MsgHdrsImpl => {
    const kept = sealedFor.get(envelope);
    if (kept !== undefined && kept.data === data) {
      if (forLog) sealedFor.delete(envelope);
      return kept.headers;
    }
    const headers = sealedHeaders(envelope, data, seal);
    if (!forLog && log !== undefined) sealedFor.set(envelope, { data, headers });
    return headers;
  };
  // A round trip to the server: everything published before it has arrived there.
  const arrived = { settle: () => (link.nc.isClosed() ? Promise.resolve() : link.nc.flush()) };
  // The server has this bus's subscriptions (their SUB frames): a guest is reported
  // instantiated only then (settlingBuses), so a producer started at that instant on
  // another connection never sends before the server knows the subscriber.
  const subscribed = { settle: () => link.arrived() };

  const dispatch = (packet: BusPacket): void => {
    for (const listener of [...listeners]) {
      try {
        listener(packet);
      } catch (error) {
        console.error('NATS bus listener failed', error);
      }
    }
  };

  // A peer re-publishing one of this browser's messages word for word does not pass as it.
  const replays = createReplayGuard(CORE_WINDOW_MS);
  const receive = (msg: Msg, subscription: number, fresh: (sealed: SealedTransmission) => boolean): void => {
    const packet = fromNatsMessage(msg, performance.timeOrigin + performance.now(), seal, fresh);
    if (copies.admit(madeUpIds.has(packet) ? contentKey(msg) : packet.envelope.id!, subscription)) dispatch(packet);
  };

  return {
    namespace,
    // The server gives each queue group's message to one member: no claims (deliverMessages).
    routesGroups: true,
    post(packet) {
      if (closed) throw new Error(`messaging bus "${namespace}" is closed`);
      if (packet.type !== 'message') return;
      link.ensureConnected();
      const { envelope, data } = packet;
      const publish = (): void => {
        if (!isOpen(link)) return;
        link.nc.publish(envelope.subject, data, { headers: headersOf(envelope, data, false), ...(envelope.replyto ? { reply: envelope.replyto } : {}) });
        markUnsettled(arrived);
      };
      // A request or a reply has someone waiting for it, and a guest that made a request
      // suspends until replies come: holding it (and the sends before it) until the task
      // ends only delays them. Held sends go first, so the order stays the send order.
      if (mayWait(envelope)) hold.send(publish);
      else hold.now(publish);
    },
    appendToLog(packet) {
      if (closed || log === undefined) return;
      const { envelope, data } = packet;
      const subject = logSubject(namespace, envelope.subject);
      // Headers as on the topic (the same CloudEvents envelope), no reply subject: a log entry answers nobody.
      const publish = (): void => {
        if (!isOpen(link)) return;
        link.nc.publish(subject, data, { headers: headersOf(envelope, data, true) });
        markUnsettled(arrived);
      };
      // LOG_DELAY_MS after its send's frame (holdNatsSends.ts), once the stream keeps the namespace's logs.
      const logs = logSubjects(namespace);
      if (queued === 0 && log.streams.decided(logs)) return hold.later(publish);
      // The first append waits until the stream keeps the logs (so the log starts with it);
      // later ones queue behind it, so each log stays in send order. Held appends go first.
      hold.flush();
      queued += 1;
      queue = queue
        .then(async () => {
          if (!log.streams.decided(logs)) await log.streams.retain([logs]).catch((error: unknown) => warnOnce(envelope.subject, error));
          publish();
        })
        .catch((error: unknown) => console.error(`NATS: could not append to the log of "${envelope.subject}"`, error))
        .finally(() => (queued -= 1));
      log.track(queue);
    },
    // Nothing to wait for otherwise: the guest's host call suspends it anyway, which lets the
    // client write what was published (see `send`). Only a namespace's first log append waits.
    // Bookkeeping only: once the connection is lost the send need not wait for its log entry
    // (the send itself was handed to the client while connected).
    settled: () => (queued > 0 ? untilLoss(link, queue) : undefined),
    onLost: (listener) => link.onDown(() => listener(`lost the connection to the NATS server ${link.servers}`)),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribe(pattern, group) {
      if (closed) return () => undefined;
      const id = ++subscriptionCount;
      // Nor does one of a message sent before this subscription existed (natsReplay.ts).
      const fresh = coreReplayCheck(replays, id);
      const filter = toSubjectFilter(pattern);
      const sub = link.nc.subscribe(filter, {
        ...(group !== undefined ? { queue: toQueueName(group) } : {}),
        // Topic logs and the server's own traffic are no guest's messages, even for a `>`
        // subscriber (isHiddenSubject); a request's inbox hears the server's "no responders"
        // status, which no guest sent.
        callback: (error, msg) => {
          if (!error && !isHiddenSubject(msg.subject, filter) && !isNoResponders(msg)) receive(msg, id, fresh);
        },
      });
      subscriptions.add(sub);
      markUnsettled(subscribed);
      return () => {
        subscriptions.delete(sub);
        sub.unsubscribe();
      };
    },
    release() {
      if (closed) return;
      hold.close();
      closed = true;
      listeners.clear();
      for (const sub of subscriptions) sub.unsubscribe();
      subscriptions.clear();
    },
  };
}

const warned = new Set<string>();
/** A send that is not kept (the server refused the subject) is said once per subject, not per message. */
function warnOnce(subject: string, error: unknown): void {
  if (warned.has(subject)) return;
  warned.add(subject);
  console.warn(`NATS: "${subject}" is not kept in this namespace's topic log (subscribe-from cannot replay it)`, error);
}

/** How `appendToLog` reaches the topic logs (subjects of the namespace's JetStream stream). */
export interface TopicLogGate {
  streams: NatsStreams;
  /** Appends waiting for the stream; the backend waits for them before closing. */
  track(pending: Promise<unknown>): void;
}

/** The CloudEvents headers, and this browser's seal over the message (natsSeal.ts). */
function sealedHeaders(envelope: Envelope, data: Uint8Array, seal: NatsSeal | undefined): MsgHdrsImpl {
  const headers = toHeaders(envelope);
  if (seal && envelope.id !== undefined && envelope.source !== undefined && envelope.subject !== undefined) {
    headers.headers.set(SEAL_HEADER, [seal.of(envelope.id, envelope.source, envelope.subject, data)]);
  }
  return headers;
}

/** Packets whose id fromNatsMessage made up: a plain NATS client's message has none. */
const madeUpIds = new WeakSet<BusMessagePacket>();

/**
 * What tells the copies of an id-less message apart for the copy filter (natsCopies.ts): its
 * subject, reply subject and bytes. Each subscription's copy got its own made-up id, so a
 * plain client's message matching two of a guest's patterns reached it twice. Two
 * publications alike in all of these are two transmissions of one message to the filter,
 * which still admits both (each subscription sees both), and nothing else tells them apart.
 */
function contentKey(msg: Pick<Msg, 'subject' | 'data' | 'reply'>): string {
  let hash = 0x811c9dc5;
  for (const byte of msg.data) hash = Math.imul(hash ^ byte, 0x01000193);
  return `nats ${msg.subject} ${msg.reply ?? ''} ${msg.data.length} ${(hash >>> 0).toString(36)}`;
}

/**
 * Whether the connection still takes publications. A held publication (holdNatsSends.ts)
 * may leave from a timer after its bus's connection began to drain or closed: the client
 * throws then, from the timer, where nobody can catch it.
 */
function isOpen(link: NatsLink): boolean {
  return !link.nc.isClosed() && !link.nc.isDraining();
}

/** A plain send may wait in a batch; a request or a reply (to an inbox) has someone waiting. */
function mayWait(envelope: Envelope): boolean {
  return envelope.replyto === undefined && !/^_inbox\./i.test(envelope.subject ?? '');
}

/**
 * A NATS message → bus packet. Messages from clients that sent no CloudEvents headers get
 * an envelope naming the subject, so handlers see every message, with `source` saying it
 * came from outside the playground. It is this browser's when `seal` checks out and, given
 * `fresh` (the receiver's replay guard, natsReplay.ts), its transmission is no replay.
 */
export function fromNatsMessage(msg: Pick<Msg, 'subject' | 'data'> & { headers?: MsgHdrs; reply?: string }, receivedAt?: number, seal?: NatsSeal, fresh?: (sealed: SealedTransmission) => boolean): BusMessagePacket {
  const envelope: Envelope = {};
  let sealed: string | undefined;
  for (const [key, value] of readHeaderPairs(msg)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('ce-')) envelope[lower.slice(3)] = value;
    else if (lower === 'content-type') envelope.datacontenttype = value;
    else if (lower === SEAL_HEADER) sealed = value;
  }
  const madeUp = envelope.id === undefined;
  envelope.id ??= randomUuid();
  envelope.specversion ??= '1.0';
  envelope.type ??= 'nats.message';
  envelope.source ??= `nats:${msg.subject}`;
  // The subject a message arrived on is authoritative (wildcard publishers, replies).
  envelope.subject = msg.subject;
  if (msg.reply && envelope.replyto === undefined) envelope.replyto = msg.reply;
  const packet: BusMessagePacket = { type: 'message', envelope, data: new Uint8Array(msg.data), via: 'NATS', ...(receivedAt === undefined ? {} : { receivedAt }) };
  if (madeUp) madeUpIds.add(packet);
  // Checked against the subject it arrived on: a sealed message replayed elsewhere is not ours.
  if (sealed !== undefined && seal !== undefined) {
    const transmission = seal.open(envelope.id, envelope.source, envelope.subject, packet.data, sealed);
    if (transmission === undefined) return packet;
    if (fresh === undefined || fresh(transmission)) packet.fromThisBrowser = true;
    else packet.replayed = true;
  }
  return packet;
}
