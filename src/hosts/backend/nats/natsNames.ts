/**
 * How playground names map onto NATS names. NATS restricts them: KV keys may hold only
 * `-/_=.a-zA-Z0-9` (dots separate tokens, so no leading/trailing/double dot), bucket and
 * object-store names only `a-zA-Z0-9_-`. wasi:keyvalue keys and bucket identifiers are any
 * string, so other characters are escaped byte-wise (UTF-8) as `=HH` in keys and `_HH` in
 * bucket names. Plain names (`counter`, `user.42`, `orders`) stay readable to other
 * NATS clients (`nats kv get wcp-kv-counters user.42`).
 */

const hex = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0');
const utf8 = new TextEncoder();

function escapeWith(text: string, marker: '=' | '_', keep: (ch: string, i: number, all: string[]) => boolean): string {
  const chars = [...text];
  return chars
    .map((ch, i) => (keep(ch, i, chars) ? ch : [...utf8.encode(ch)].map((b) => marker + hex(b)).join('')))
    .join('');
}

function unescapeWith(text: string, marker: '=' | '_'): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === marker && /^[0-9A-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...utf8.encode(text[i]));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A wasi:keyvalue key as a NATS KV key. The empty key becomes `=` (no escape starts so). */
export function encodeKey(key: string): string {
  if (key.length === 0) return '=';
  return escapeWith(key, '=', (ch, i, all) => {
    if (ch === '.') return i > 0 && i < all.length - 1 && all[i - 1] !== '.' && all[i + 1] !== '.';
    return /^[-/_a-zA-Z0-9]$/.test(ch);
  });
}

/** Inverse of encodeKey; keys written by other clients decode to themselves. */
export function decodeKey(encoded: string): string {
  return encoded === '=' ? '' : unescapeWith(encoded, '=');
}

/** A name part of a bucket or object store (`a-zA-Z0-9-`; `_` is the escape marker). */
export function encodeNamePart(name: string): string {
  return escapeWith(name, '_', (ch) => /^[-a-zA-Z0-9]$/.test(ch));
}

/** NATS KV bucket holding wasi:keyvalue bucket `bucket` of `namespace`. */
export function kvBucketName(namespace: string, bucket: string): string {
  return `${encodeNamePart(namespace)}-kv-${encodeNamePart(bucket)}`;
}

/** NATS object store holding wasi:blobstore container `container` of `namespace`. */
export function objectStoreName(namespace: string, container: string): string {
  return `${encodeNamePart(namespace)}-blob-${encodeNamePart(container)}`;
}

/**
 * A playground subscription pattern as a NATS subject filter. The syntax is NATS's own
 * (`*` one token, `>` the rest); the playground also accepts `#` for `>`.
 */
export function toSubjectFilter(pattern: string): string {
  return pattern
    .split('.')
    .map((s) => (s === '#' ? '>' : s))
    .join('.');
}

/** A `queue:NAME` group as a NATS queue group name (no whitespace allowed there). */
export function toQueueName(group: string): string {
  return group.replace(/\s/g, '_');
}

/**
 * Prefix of the subjects that hold topic logs (`subscribe-from`). The host appends each send
 * there itself, beside publishing it on its topic, so the log is written before any injected
 * network fault and holds every send once. `$` marks it as no topic of a guest's, as `$KV.`
 * marks key-value subjects.
 */
const LOG_PREFIX = '$WCP.log.';

/** The subject holding `topic`'s log in `namespace`: `$WCP.log.<namespace>.<topic>`. */
export function logSubject(namespace: string, topic: string): string {
  return `${LOG_PREFIX}${encodeNamePart(namespace)}.${topic}`;
}

/** The subjects of every topic log of `namespace` (what its stream keeps for them). */
export function logSubjects(namespace: string): string {
  return `${LOG_PREFIX}${encodeNamePart(namespace)}.>`;
}

/** True for a topic-log subject: a guest's wildcard subscription (`>`) never receives those. */
export function isLogSubject(subject: string): boolean {
  return subject.startsWith(LOG_PREFIX);
}

/**
 * The server's and its clients' own traffic: JetStream's API, acks and advisories (`$JS.`),
 * key-value (`$KV.`) and object-store (`$O.`) operations, system events (`$SYS.`) and the
 * client's reply inboxes (`_INBOX.`; the playground's request inboxes are `_inbox.`).
 */
const MACHINERY = /^(\$JS|\$KV|\$O|\$SYS|_INBOX)\./;

/**
 * True when a subscription on `filter` must not hand `subject` to a guest. Topic logs are
 * the host's bookkeeping, never traffic. The machinery's subjects (MACHINERY) are nothing a
 * guest sent: on the browser a `>` subscriber hears only guests' topics (a key-value write
 * is no message there), so a filter that starts with a wildcard never hears them; one that
 * names them (`$KV.>`) asked for them.
 */
export function isHiddenSubject(subject: string, filter: string): boolean {
  if (isLogSubject(subject)) return true;
  return MACHINERY.test(subject) && (filter.startsWith('*') || filter.startsWith('>'));
}
