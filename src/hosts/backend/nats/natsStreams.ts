import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsLink } from './connectNats';
import { encodeNamePart } from './natsNames';

/** Messages kept per topic, as the browser's topic logs keep (RETAINED_PER_TOPIC). */
const RETAINED_PER_SUBJECT = 10_000;
/**
 * How long a refusal stands before the server is asked again. Without it every send to a
 * subject that another namespace's stream already keeps (NATS refuses overlapping subjects
 * across streams) paid two failed JetStream requests: milliseconds per message.
 */
const REFUSAL_MS = 30_000;

/**
 * The JetStream stream `<namespace>-msgs` that keeps a namespace's messages: the topic
 * logs of `subscribe-from` and the backlog of at-least-once handlers. Its subjects are the
 * log subjects `$WCP.log.<namespace>.>` (the sending host appends each send there, see
 * natsBus `appendToLog`), added at the first send, and the patterns handlers subscribe to
 * with acks (so any NATS client's publications to those are kept too), added as they
 * subscribe. NATS refuses overlapping subjects in one stream,
 * so the list is kept minimal: `orders.>` replaces `orders.eu`; two patterns that only
 * partly overlap (`orders.*`, `*.eu`) become their common cover (`*.*`).
 * `no_ack`: the stream never answers a publication, so a request with a reply inbox to a
 * logged topic gets only its responders' replies.
 */
export interface NatsStreams {
  readonly stream: string;
  jsm(): Promise<JetStreamManager>;
  /** True when sends to `subject` are already known to be kept (no server round trip). */
  covers(subject: string): boolean;
  /**
   * True when a send to `subject` needs no server round trip first: it is kept, or the
   * server refused to keep it a moment ago (another stream holds the subject).
   */
  decided(subject: string): boolean;
  /**
   * Makes sure the stream keeps `subjects` (creating or widening it). A subject the server
   * refused is refused again for REFUSAL_MS without asking, with the server's error.
   */
  retain(subjects: string[]): Promise<void>;
}

export function createNatsStreams(link: NatsLink, namespace: string): NatsStreams {
  const stream = `${encodeNamePart(namespace)}-msgs`;
  let known: string[] = [];
  let manager: Promise<JetStreamManager> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const refused = new Map<string, { error: unknown; at: number }>();
  const refusalOf = (subject: string) => {
    const r = refused.get(subject);
    if (r && performance.now() - r.at < REFUSAL_MS) return r;
    refused.delete(subject);
    return undefined;
  };
  const jsm = (): Promise<JetStreamManager> => {
    manager ??= jetstreamManager(link.nc);
    manager.catch(() => (manager = undefined));
    return manager;
  };
  const isCovered = (subjects: string[], s: string): boolean => subjects.some((k) => covers(k, s));

  const widen = async (wanted: string[]): Promise<void> => {
    const m = await jsm();
    for (let attempt = 0; attempt < 5; attempt++) {
      const info = await m.streams.info(stream).catch((error: unknown) => {
        if (/not found/i.test(String(error))) return undefined;
        throw error;
      });
      const current = info?.config.subjects ?? [];
      known = current;
      const missing = wanted.filter((s) => !isCovered(current, s));
      if (missing.length === 0) return;
      const subjects = mergeSubjects(current, missing);
      try {
        if (info) await m.streams.update(stream, { ...info.config, subjects });
        else {
          await m.streams.add(topicLogStreamConfig(stream, subjects));
        }
      } catch (error) {
        // Another machine created or changed it at the same moment: read again and retry.
        if (attempt === 4 || !/already in use|exists|wrong last/i.test(String(error))) throw error;
      }
      // Loop: read back, so a concurrent update by another machine that dropped ours is redone.
    }
  };

  return {
    stream,
    jsm,
    covers: (subject) => isCovered(known, subject),
    decided: (subject) => isCovered(known, subject) || refusalOf(subject) !== undefined,
    retain(subjects) {
      if (subjects.every((s) => isCovered(known, s))) return Promise.resolve();
      const earlier = subjects.map(refusalOf).find((r) => r !== undefined);
      if (earlier) return Promise.reject(earlier.error);
      const next = chain.then(() => widen(subjects));
      next.catch((error: unknown) => {
        if (!/overlap/i.test(String(error))) return;
        for (const s of subjects) if (!isCovered(known, s)) refused.set(s, { error, at: performance.now() });
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}

/**
 * The topic log's stream config: on disk (replay and redelivery survive a server restart),
 * the newest RETAINED_PER_SUBJECT per subject, `no_ack` (see NatsStreams). Exported so the
 * bench's raw probe can publish to a subject kept exactly like a guest's topic.
 */
export function topicLogStreamConfig(name: string, subjects: string[]): Parameters<JetStreamManager['streams']['add']>[0] {
  return {
    name,
    subjects,
    storage: 'file',
    retention: 'limits',
    discard: 'old',
    max_msgs_per_subject: RETAINED_PER_SUBJECT,
    no_ack: true,
  } as Parameters<JetStreamManager['streams']['add']>[0];
}

/** True when every subject matched by `b` is matched by `a` (NATS wildcards on both sides). */
export function covers(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < x.length; i++) {
    if (x[i] === '>') return i < y.length;
    if (i >= y.length || y[i] === '>') return false;
    if (x[i] !== '*' && x[i] !== y[i]) return false;
  }
  return x.length === y.length;
}

/** True when some subject is matched by both. */
export function overlaps(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === '>' || y[i] === '>') return true;
    if (x[i] !== '*' && y[i] !== '*' && x[i] !== y[i]) return false;
  }
  return x.length === y.length;
}

/** The narrowest pattern covering both (tokens that differ become `*`, a `>` ends it). */
function commonCover(a: string, b: string): string {
  const x = a.split('.');
  const y = b.split('.');
  const out: string[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === '>' || y[i] === '>' || x[i] === undefined || y[i] === undefined) {
      out.push('>');
      break;
    }
    out.push(x[i] === y[i] ? x[i] : '*');
  }
  return out.join('.');
}

/** `current` plus `added`, with no subject overlapping another (what the server accepts). */
export function mergeSubjects(current: string[], added: string[]): string[] {
  let subjects = [...current];
  const pending = [...added];
  while (pending.length > 0) {
    const s = pending.shift() as string;
    if (subjects.some((k) => covers(k, s))) continue;
    const partial = subjects.find((k) => overlaps(k, s) && !covers(s, k));
    if (partial !== undefined) {
      subjects = subjects.filter((k) => k !== partial);
      pending.unshift(commonCover(partial, s));
      continue;
    }
    subjects = [...subjects.filter((k) => !covers(s, k)), s];
  }
  return subjects;
}
