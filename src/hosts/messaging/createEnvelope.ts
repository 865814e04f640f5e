import { randomUuid } from '../../platform/randomUuid';

/** CloudEvents type of every message the playground publishes. */
export const messageEventType = 'wasi.messaging.message';

/**
 * CloudEvents 1.0 attributes of a bus message (no `data`: payload bytes travel beside
 * it so they are never base64-encoded). Plain strings, so it is structured-cloneable.
 */
export type Envelope = Record<string, string>;

/** What a publisher knows about a message; turned into an envelope by `createEnvelope`. */
export interface EnvelopeInput {
  topic: string;
  contentType?: string;
  metadata?: Array<[string, string]>;
  /** Inbox topic a reply should go to (request-reply). */
  replyTo?: string;
  tab: string;
  guest: string;
}

/** Message fields recovered from an envelope by `readEnvelope`. */
export interface EnvelopeFields {
  id: string;
  topic: string;
  contentType?: string;
  metadata?: Array<[string, string]>;
  replyTo?: string;
}

// Attributes the spec or this host uses itself; metadata may not shadow them.
const reserved = new Set([
  'id', 'source', 'type', 'specversion', 'subject', 'time', 'datacontenttype', 'dataschema',
  'data', 'schemaurl', 'datacontentencoding', 'wcpmetadata', 'replyto',
]);

/**
 * Turns a metadata key into a valid CloudEvents extension name (lowercase a-z0-9, at most
 * 20 characters): "Content-Lang" → "contentlang". Returns undefined when nothing is left.
 * Names that would shadow a reserved attribute get an "md" prefix ("id" → "mdid").
 */
export function toExtensionName(key: string): string | undefined {
  let name = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (reserved.has(name)) name = `md${name}`;
  name = name.slice(0, 20);
  return name.length > 0 ? name : undefined;
}

/**
 * Builds the envelope of one published message. It is valid CloudEvents 1.0 by
 * construction (a UUID id, a non-empty source, fixed type and specversion, an RFC 3339
 * time, extension names of 1–20 lowercase letters and digits, string values; the unit
 * tests check it with the cloudevents SDK's strict validation). Validating each message
 * with `new CloudEvent` at run time cost more than everything else on the send path.
 * Metadata pairs become extensions for interop with CloudEvents tooling, but because that
 * mapping is lossy (case, punctuation, duplicates) the exact pairs are also kept as JSON in
 * the `wcpmetadata` extension, which `readEnvelope` prefers.
 */
export function createEnvelope(input: EnvelopeInput): Envelope {
  const attrs: Record<string, string> = {
    id: randomUuid(),
    source: sourceOf(input.tab, input.guest),
    type: messageEventType,
    specversion: '1.0',
    subject: input.topic,
    time: isoNow(),
  };
  if (input.contentType !== undefined) attrs.datacontenttype = input.contentType;
  if (input.metadata !== undefined) {
    for (const [key, value] of input.metadata) {
      const name = toExtensionName(key);
      // First pair wins a clash; the lossless copy lives in wcpmetadata anyway.
      if (name !== undefined && !(name in attrs)) attrs[name] = value;
    }
    attrs.wcpmetadata = JSON.stringify(input.metadata);
  }
  if (input.replyTo !== undefined) attrs.replyto = input.replyTo;
  for (const key in attrs) if (typeof attrs[key] !== 'string') throw new TypeError(`CloudEvents attribute ${key} must be a string`);
  return attrs;
}

// RFC 3339 time of the current millisecond, formatted once per millisecond: a flooding
// producer stamps several sends per millisecond, and each Date + toISOString cost ~1 µs.
let isoMs = -1;
let iso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

// The source of a (tab, guest) pair, encoded once: a flooding guest sends thousands of
// messages with the same one.
const sources = new Map<string, string>();
function sourceOf(tab: string, guest: string): string {
  const key = `${tab}\n${guest}`;
  let source = sources.get(key);
  if (source === undefined) {
    source = `/wcp/${encodeURIComponent(tab)}/${encodeURIComponent(guest)}`;
    if (sources.size > 100) sources.clear();
    sources.set(key, source);
  }
  return source;
}

/** Reads topic, content type, metadata and reply-to back out of an envelope. */
export function readEnvelope(envelope: Envelope): EnvelopeFields {
  if (typeof envelope.id !== 'string' || typeof envelope.subject !== 'string') {
    throw new Error('bus message envelope lacks id or subject (topic)');
  }
  return {
    id: envelope.id,
    topic: envelope.subject,
    contentType: envelope.datacontenttype,
    metadata: readMetadata(envelope),
    replyTo: envelope.replyto,
  };
}

function readMetadata(envelope: Envelope): Array<[string, string]> | undefined {
  if (envelope.wcpmetadata !== undefined) {
    const parsed: unknown = JSON.parse(envelope.wcpmetadata);
    if (Array.isArray(parsed) && parsed.every(isPair)) return parsed;
    throw new Error('envelope extension wcpmetadata is not a JSON list of [key, value] pairs');
  }
  // An envelope from elsewhere: its extensions are the best metadata we have.
  // Most envelopes have none (every message without metadata): no entry arrays per message.
  let pairs: Array<[string, string]> | undefined;
  for (const key in envelope) {
    if (!reserved.has(key) && Object.hasOwn(envelope, key)) (pairs ??= []).push([key, envelope[key]!]);
  }
  return pairs;
}

function isPair(x: unknown): x is [string, string] {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string';
}
