import { HostError, type HostContext } from '../../hostContract';
import { answersSync } from '../../answersSync';
import type { DurableMessaging, LogReader } from '../../backend/backendTypes';
import type { BusMessagePacket, BusPacket } from '../../messaging/createBus';
import { readEnvelope } from '../../messaging/createEnvelope';
import { transitOf } from '../../messaging/deliverMessages';
import { matchTopic, validatePattern, validateTopic } from '../../messaging/matchTopic';
import type { Message } from '../../messaging/messageTypes';
import type { TraceEventInput } from '../../../trace/encodeTraceBatch';
import type { MessagingInstance } from '../../messaging/messagingExtension';
import { commitOffset, committedOffset, readLogBatch, warmLogDatabase, type LogEntry } from './topicLog';

/** `subscribe-from` offset meaning "where this consumer group last committed (else 0)". */
export const RESUME_FROM_COMMITTED = 0xffff_ffff_ffff_ffffn;

/** Messages a pull subscription buffers before dropping the oldest. */
const MAX_BUFFERED = 10_000;

/**
 * Log entries a consumer reads per IndexedDB transaction (at least: whole chunks). Replaying 10,000 messages one
 * transaction each cost ~25x a raw cursor (bench `replay`); entries already read stay
 * valid (the log only appends and trims its oldest), so reading ahead changes no result.
 */
const READ_AHEAD = 256;

const other = (val: string) => new HostError({ tag: 'other', val });

/**
 * Waits until `wake` fires (via the returned trigger) or `ms` pass; no polling: the bus
 * listener calls the trigger when something relevant arrives.
 */
function sleeper() {
  let wake: (() => void) | undefined;
  let pinged = false;
  return {
    ping() { pinged = true; wake?.(); },
    /** Clears the ping flag; call before checking for data. */
    arm() { pinged = false; },
    wait(ms: number): Promise<void> {
      if (pinged) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() { clearTimeout(timer); wake = undefined; resolve(); }
        wake = done;
      });
    },
  };
}

const dispose = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

/**
 * The `offsets.consumer` and `receive-timeout.subscription` resources of one guest. Both
 * wake on bus packets only (no timers polling IndexedDB). Messages handed out carry
 * the topic and metadata of their envelope; every one is traced as a `deliver`.
 */
export function createPullResources(ctx: HostContext, instance: MessagingInstance, pulled: WeakSet<Message>, durable?: DurableMessaging) {
  const { bus, types } = instance;
  const { namespace, guest } = ctx.config;
  if (!durable) warmLogDatabase(namespace);
  const toMessage = (envelope: Record<string, string>, data: Uint8Array, live?: BusMessagePacket): Message => {
    const fields = readEnvelope(envelope);
    // Once per message of a replay: the event and fields are built without spreads.
    const event: Extract<TraceEventInput, { kind: 'message' }> = { kind: 'message', action: 'deliver', topic: fields.topic, envelope, data, to: guest };
    const transit = live && transitOf(live).transit;
    if (transit) event.transit = transit;
    ctx.emit(event);
    const message = types.received({ data, topic: fields.topic, contentType: fields.contentType, metadata: fields.metadata, replyTo: fields.replyTo });
    pulled.add(message);
    return message;
  };

  class Consumer {
    #next: number;
    /** Entries read ahead; those from #at on are at offsets >= #next, in order. */
    #ahead: LogEntry[] = [];
    #at = 0;
    /**
     * The batch after #ahead, being read while the guest consumes #ahead: a replay then
     * waits for IndexedDB only at its start instead of once per batch.
     */
    #following: Promise<LogEntry[]> | undefined;
    /** The server's cursor when the backend keeps the log (NATS JetStream). */
    readonly #reader: LogReader | undefined;
    /** Built once: the tracer reads it on every receive (10,000 times in a replay). */
    readonly traceTarget: { type: 'topic'; name: string };
    constructor(readonly topic: string, next: number, reader?: LogReader) {
      this.traceTarget = { type: 'topic', name: topic };
      this.#next = next;
      this.#reader = reader;
      // The guest subscribes to receive: the first batch is read while it gets its handle.
      if (!reader) this.#readAheadFrom(next);
    }
    /**
     * Synchronous when the entry was read ahead: no IndexedDB, no bus listener, no Promise
     * (a Promise would make even a value already in hand wait for a microtask turn).
     */
    receive(timeoutMs: number): [bigint, Message] | Promise<[bigint, Message] | undefined> {
      if (this.#reader) {
        const entry = this.#reader.take();
        return entry ? this.#deliverPacket(entry) : this.#fetchFromReader(this.#reader, timeoutMs);
      }
      if (this.#at < this.#ahead.length) return this.#deliver(this.#ahead[this.#at++]);
      return this.#fetch(timeoutMs);
    }

    async #fetchFromReader(reader: LogReader, timeoutMs: number): Promise<[bigint, Message] | undefined> {
      await reader.wait(timeoutMs);
      const entry = reader.take();
      return entry && this.#deliverPacket(entry);
    }

    #deliverPacket(entry: { offset: number; packet: BusMessagePacket }): [bigint, Message] {
      return this.#deliver({ offset: entry.offset, envelope: entry.packet.envelope, data: entry.packet.data });
    }

    async #fetch(timeoutMs: number): Promise<[bigint, Message] | undefined> {
      const deadline = Date.now() + timeoutMs;
      const s = sleeper();
      // Listen before reading, so an append between the read and the wait is not missed.
      const unlisten = bus.listen((p: BusPacket) => { if (p.type === 'notice' && p.name === 'logged' && p.topic === this.topic) s.ping(); });
      try {
        for (;;) {
          s.arm();
          // The read-ahead started before this listener existed: an empty one proves nothing
          // (an append may have landed since), so only a non-empty one is taken.
          const following = this.#following;
          this.#following = undefined;
          let batch = following ? await following.catch(() => []) : [];
          if (batch.length === 0) batch = await readLogBatch(namespace, this.topic, this.#next, READ_AHEAD);
          this.#ahead = batch;
          this.#at = 0;
          this.#readFollowing();
          if (batch.length > 0) return this.#deliver(batch[this.#at++]);
          const left = deadline - Date.now();
          if (left <= 0) return undefined;
          await s.wait(left);
        }
      } finally {
        unlisten();
      }
    }

    /** After a full batch (whole chunks: maybe more) the log likely holds more: start reading the next batch now. */
    #readFollowing(): void {
      if (this.#ahead.length >= READ_AHEAD) this.#readAheadFrom(this.#ahead[this.#ahead.length - 1].offset + 1);
    }

    #readAheadFrom(offset: number): void {
      const following = readLogBatch(namespace, this.topic, offset, READ_AHEAD);
      // A failed read-ahead is not the guest's error: #fetch then reads again itself.
      following.catch(() => undefined);
      this.#following = following;
    }

    #deliver(entry: LogEntry): [bigint, Message] {
      this.#next = entry.offset + 1;
      return [BigInt(entry.offset), toMessage(entry.envelope, entry.data)];
    }

    async commit(offset: bigint): Promise<void> {
      if (typeof offset !== 'bigint' || offset < 0n || offset > BigInt(Number.MAX_SAFE_INTEGER)) throw other(`offset ${String(offset)} is out of range`);
      if (durable) await durable.commit(guest, this.topic, Number(offset));
      else await commitOffset(namespace, guest, this.topic, Number(offset));
    }

    /** jco calls this when the guest drops the handle: the server forgets the cursor. */
    [dispose](): void { this.#reader?.close(); }
  }

  class Subscription {
    readonly #queue: BusMessagePacket[] = [];
    readonly #unlisten: () => void;
    readonly #s = sleeper();
    constructor(readonly pattern: string) {
      const unlisten = bus.listen((p: BusPacket) => {
        if (p.type !== 'message' || !matchTopic(pattern, p.envelope.subject ?? '')) return;
        if (this.#queue.length >= MAX_BUFFERED) this.#queue.shift();
        this.#queue.push(p);
        this.#s.ping();
      });
      // A subject-routed bus (NATS) delivers only declared patterns.
      const unsubscribe = bus.subscribe?.(pattern);
      this.#unlisten = () => {
        unlisten();
        unsubscribe?.();
      };
    }
    get traceTarget() { return { type: 'topic' as const, name: this.pattern }; }

    async receive(timeoutMs: number): Promise<Message | undefined> {
      const deadline = Date.now() + timeoutMs;
      // Nothing can arrive while the bus's connection is down (NATS): "none" would be untrue.
      let lost: string | undefined;
      const forgetLoss = bus.onLost?.((why) => {
        lost = why;
        this.#s.ping();
      });
      try {
        for (;;) {
          this.#s.arm();
          const next = this.#queue.shift();
          if (next) return toMessage(next.envelope, next.data, next);
          if (lost !== undefined) throw new HostError({ tag: 'connection', val: `${lost} while waiting for messages on ${this.pattern}` });
          const left = deadline - Date.now();
          if (left <= 0) return undefined;
          await this.#s.wait(left);
        }
      } finally {
        forgetLoss?.();
      }
    }

    /** jco calls this when the guest drops the handle: stop buffering. */
    [dispose](): void { this.#unlisten(); }
  }

  return {
    Consumer,
    Subscription,
    async subscribeFrom(client: unknown, topic: string, offset: bigint): Promise<Consumer> {
      types.assertConnected(client);
      const problem = typeof topic === 'string' ? validateTopic(topic) : 'topic must be a string';
      if (problem) throw other(problem);
      if (offset !== RESUME_FROM_COMMITTED && (typeof offset !== 'bigint' || offset < 0n || offset > BigInt(Number.MAX_SAFE_INTEGER))) throw other(`offset ${String(offset)} is out of range`);
      if (durable) {
        const start = offset === RESUME_FROM_COMMITTED ? ((await durable.committed(guest, topic)) ?? 0) : Number(offset);
        return new Consumer(topic, start, await durable.read(topic, start));
      }
      if (offset === RESUME_FROM_COMMITTED) return new Consumer(topic, (await committedOffset(namespace, guest, topic)) ?? 0);
      return new Consumer(topic, Number(offset));
    },
    // Never a Promise (it only registers a listener): imported without a suspension (answersSync.ts).
    subscribe: answersSync(function subscribe(client: unknown, topic: string): Subscription {
      types.assertConnected(client);
      const problem = typeof topic === 'string' ? validatePattern(topic) : 'topic must be a string';
      if (problem) throw other(problem);
      if (topic.startsWith('queue:')) throw other('pull subscriptions are fan-out; drop the "queue:" prefix');
      return new Subscription(topic);
    }),
  };
}
