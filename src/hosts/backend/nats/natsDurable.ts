import { AckPolicy, DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import { HostError } from '../../hostContract';
import type { DurableDelivery, DurableMessaging, LogReader } from '../backendTypes';
import type { NatsLink } from './connectNats';
import type { NatsSeal } from './natsSeal';
import { markSubscribing } from './markSubscribing';
import { createReplayGuard, STORED_WINDOW_MS, storedReplayCheck, type ReplayGuard } from './natsReplay';
import { fromNatsMessage } from './natsBus';
import { encodeKey, encodeNamePart, isLogSubject, logSubject, logSubjects, toSubjectFilter } from './natsNames';
import { covers, mergeSubjects, type NatsStreams } from './natsStreams';
import { failOnLoss, LOST_DURING_CALL } from './failOnLoss';

/** Entries a log reader fetches ahead (the browser reads its IndexedDB log 256 at a time too). */
const READ_AHEAD = 256;
/** Messages one member of a consumer group holds at once: small, so idle members get work. */
const GROUP_PREFETCH = 4;

const nanos = (ms: number): number => Math.round(ms * 1_000_000);

/**
 * proposal:messaging-ext on JetStream. Consumer groups are durable pull consumers on the
 * namespace stream (explicit ack, `ack_wait` = the lease, `max_deliver`): a member that
 * dies without acking loses its messages to another member on any machine when the ack
 * wait ends. A topic's log is its subject `$WCP.log.<namespace>.<topic>` in the same stream,
 * appended by the sending host beside the publication on the topic (natsBus `appendToLog`),
 * so injected network faults never reach it; an offset is the stream sequence − 1
 * (increasing per topic, with gaps where other messages sit). Committed offsets live in the
 * KV bucket `<namespace>-offsets`.
 */
export function createNatsDurable(link: NatsLink, namespace: string, streams: NatsStreams, offsets: () => Promise<KV>, seal?: NatsSeal): DurableMessaging {
  const js = jetstream(link.nc);
  const guard = (): void => {
    if (!link.connected()) throw failure(new Error('not connected'), link);
  };
  // `undo`: what to do with a result that comes after the call was failed on a loss (a
  // consumer set up once the client reconnected would otherwise take messages for nobody).
  const wrap = async <T>(body: () => Promise<T>, undo?: (late: T) => void): Promise<T> => {
    guard();
    const pending = body();
    try {
      // In flight when the connection drops: fails then, not at the client's request timeout.
      return await failOnLoss(link, pending, LOST_DURING_CALL);
    } catch (error) {
      if (undo) pending.then(undo, () => undefined);
      throw failure(error, link);
    }
  };

  return {
    // The guest counts as instantiated once the server has the group (markSubscribing.ts).
    consume: (group, patterns, options, onMessage) =>
      markSubscribing(link, wrap(async () => {
        const filters = patterns.map(toSubjectFilter);
        // One consumer per subject of the patterns' non-overlapping cover: with one consumer
        // per pattern, a message matching two of them (`orders.*`, `orders.eu`) was handed
        // to the guest once per consumer, where the browser hands it over once.
        const subjects = mergeSubjects([], filters);
        await streams.retain(subjects);
        const jsm = await streams.jsm();
        const stops: Array<() => void> = [];
        for (const subject of subjects) {
          const name = encodeNamePart(`${group} ${subject}`);
          const config = {
            durable_name: name,
            ack_policy: AckPolicy.Explicit,
            ack_wait: nanos(options.ackWaitMs),
            max_deliver: options.maxDeliver,
            filter_subject: subject,
            // A new group starts with what is sent from now on; an existing one resumes where it was.
            deliver_policy: DeliverPolicy.New,
          };
          await jsm.consumers.add(streams.stream, config).catch(async (error: unknown) => {
            // Created earlier with other tunables: keep its position, update what may change.
            if (!/already|exists|in use/i.test(String(error))) throw error;
            await jsm.consumers.update(streams.stream, name, { ack_wait: config.ack_wait, max_deliver: config.max_deliver }).catch(() => undefined);
          });
          const consumer = await js.consumers.get(streams.stream, name);
          const messages = await consumer.consume({ max_messages: GROUP_PREFETCH });
          const replays = createReplayGuard(STORED_WINDOW_MS);
          void (async () => {
            for await (const m of messages) {
              // A pattern that starts with a wildcard may cover log subjects: those are no traffic.
              if (isLogSubject(m.subject)) m.term();
              // A cover wider than the patterns (`orders.*` + `*.eu` kept as `*.*`): not for this group.
              else if (!filters.some((f) => covers(f, m.subject))) m.ack();
              else onMessage(toDelivery(m, link, seal, replays));
            }
          })().catch((error: unknown) => console.error(`JetStream consumer ${name} ended`, error));
          stops.push(() => void messages.stop());
        }
        return () => stops.forEach((stop) => stop());
      }, (stop) => stop())),

    read: (topic, offset) =>
      wrap(async () => {
        await streams.retain([logSubjects(namespace)]);
        const jsm = await streams.jsm();
        const info = await jsm.consumers.add(streams.stream, {
          ack_policy: AckPolicy.None,
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: offset + 1,
          filter_subject: logSubject(namespace, topic),
          mem_storage: true,
          inactive_threshold: nanos(60_000),
        });
        const consumer = await js.consumers.get(streams.stream, info.name);
        const messages = await consumer.consume({ max_messages: READ_AHEAD });
        return createReader(link, topic, messages, seal, () => void jsm.consumers.delete(streams.stream, info.name).catch(() => undefined));
      }, (reader) => reader.close()),

    commit: (group, topic, offset) =>
      wrap(async () => {
        await (await offsets()).put(offsetKey(group, topic), String(offset));
      }),

    committed: (group, topic) =>
      wrap(async () => {
        const entry = await (await offsets()).get(offsetKey(group, topic));
        if (!entry || entry.operation !== 'PUT') return undefined;
        const n = Number(entry.string());
        return Number.isSafeInteger(n) ? n : undefined;
      }),
  };
}

function offsetKey(group: string, topic: string): string {
  return encodeKey(`${group}\n${topic}`);
}

function toDelivery(m: JsMsg, link: NatsLink, seal: NatsSeal | undefined, replays: ReplayGuard): DurableDelivery {
  const storedAt = m.info.timestampNanos / 1e6;
  // Receipt now: for a redelivery the delay includes the time the message waited for it.
  // A redelivery is the same stored message (its sequence): still this browser's; one
  // stored much later than this browser's messages are was re-published (StoredClock).
  const fresh = storedReplayCheck(link, replays, storedAt, m.seq);
  const packet = { ...fromNatsMessage({ subject: m.subject, data: m.data, headers: m.headers }, performance.timeOrigin + performance.now(), seal, fresh), storedAt };
  return {
    packet,
    seq: m.seq,
    redelivery: Math.max(0, m.info.deliveryCount - 1),
    async ack() {
      if (!link.connected()) throw failure(new Error('not connected; the message stays unacknowledged and will be redelivered'), link);
      const confirmed = await failOnLoss(link, m.ackAck(), 'the connection was lost before the server confirmed the ack; the message may be redelivered').catch((error: unknown) => {
        throw failure(error, link);
      });
      if (!confirmed) throw failure(new Error('the server did not confirm the ack; the message may be redelivered'), link);
    },
    nak: () => m.nak(),
    term: () => m.term(),
    working: () => m.working(),
  };
}

/** A log cursor over an ephemeral consumer; entries arrive in stream order, read ahead. */
function createReader(link: NatsLink, topic: string, messages: ConsumerMessages, seal: NatsSeal | undefined, onClose: () => void): LogReader {
  const ready: JsMsg[] = [];
  const replays = createReplayGuard(STORED_WINDOW_MS);
  let wake: (() => void) | undefined;
  let closed = false;
  void (async () => {
    for await (const m of messages) {
      ready.push(m);
      wake?.();
    }
  })().catch(() => undefined);
  return {
    take() {
      const m = ready.shift();
      // Stored on the log's subject: the message is the topic's.
      if (m === undefined) return undefined;
      const fresh = storedReplayCheck(link, replays, m.info.timestampNanos / 1e6, m.seq);
      return { offset: m.seq - 1, packet: fromNatsMessage({ subject: topic, data: m.data, headers: m.headers }, undefined, seal, fresh) };
    },
    wait(ms) {
      if (ready.length > 0) return Promise.resolve();
      if (!link.connected()) return Promise.reject(failure(new Error('not connected'), link));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(done, ms);
        // Entries cannot arrive while the connection is down: say so rather than "none yet".
        const forgetLoss = link.onDown(() => {
          stop();
          reject(failure(new Error('the connection was lost while waiting for the next entry'), link));
        });
        function stop(): void {
          clearTimeout(timer);
          forgetLoss();
          wake = undefined;
        }
        function done(): void {
          stop();
          resolve();
        }
        wake = done;
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void messages.stop();
      onClose();
    },
  };
}

function failure(error: unknown, link: NatsLink): HostError {
  if (error instanceof HostError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const down = link.connected() ? '' : ' (the connection is down; reconnecting)';
  return new HostError({ tag: 'other', val: `NATS JetStream on ${link.servers}: ${text}${down}` });
}
