/**
 * Topic and subscription-pattern syntax of the playground's messaging bus.
 *
 * Topics are dot-separated segments: `orders.eu.created`. Segments must be non-empty, so
 * `a..b`, `.a` and `a.` are not topics; a topic may not contain the wildcard segments
 * `*`, `>` or `#`.
 *
 * A subscription pattern is matched segment by segment:
 * - a literal segment matches the same text exactly (case-sensitive): `orders.created`;
 * - `*` matches exactly one segment: `orders.*` matches `orders.created`, not
 *   `orders` nor `orders.eu.created`;
 * - `>` or `#` as the LAST segment matches one or more remaining segments (NATS style):
 *   `orders.>` matches `orders.created` and `orders.eu.created`, not `orders`;
 *   a lone `>` (or `#`) matches every topic. Anywhere but the end it is invalid.
 * - wildcards are whole segments, and patterns are not regular expressions (the 2022 drafts
 *   proposed regex patterns): `orders.pa*`, `orders.+` or `orders\.(paid|created)` are
 *   refused with a hint rather than taken literally, where they would silently match nothing;
 * - the prefix `queue:` (`queue:jobs`, `queue:jobs.*`) makes the subscription a work queue:
 *   every subscriber with the same full pattern competes, and exactly one of them handles
 *   each message. Without the prefix every matching subscriber gets its own copy.
 *
 * Reply inboxes (`_inbox.<uuid>`) are private to request-reply: a pattern only matches
 * them when its first segment is literally `_inbox`, so `>` does not swallow replies.
 */
export interface Subscription {
  /** Pattern without the `queue:` prefix. */
  pattern: string;
  /** Work-queue group name (the full `queue:...` text), or undefined for fan-out. */
  group?: string;
}

/** Prefix of request-reply inbox topics. */
export const inboxPrefix = '_inbox.';

const wildcards = new Set(['*', '>', '#']);

/** Error text for an invalid topic, or undefined when the topic is fine. */
export function validateTopic(topic: string): string | undefined {
  if (topic.length === 0) return 'topic is empty';
  const segments = topic.split('.');
  if (segments.some((s) => s.length === 0)) return `topic "${topic}" has an empty segment`;
  if (segments.some((s) => wildcards.has(s))) {
    return `topic "${topic}" contains a wildcard segment; wildcards belong in subscriptions`;
  }
  return undefined;
}

// Characters that only make sense in a regular expression. The 2022 drafts proposed regex
// topic patterns; a pattern written that way here would be taken literally and silently
// match nothing, so it is refused with the wildcard syntax instead.
const regexSyntax = /[\\()[\]{}|^$?]/;

const wildcardHint = 'patterns match whole dot-separated segments: * is one segment, > (or #) the rest, as in orders.* or orders.>';

/** Error text for an invalid subscription pattern, or undefined when it is fine. */
export function validatePattern(pattern: string): string | undefined {
  const body = pattern.startsWith('queue:') ? pattern.slice('queue:'.length) : pattern;
  if (body.length === 0) return `subscription "${pattern}" is empty`;
  if (regexSyntax.test(body)) return `subscription "${pattern}" looks like a regular expression; ${wildcardHint}`;
  const segments = body.split('.');
  if (segments.some((s) => s.length === 0)) return `subscription "${pattern}" has an empty segment`;
  if (segments.includes('+')) return `subscription "${pattern}": + is MQTT's one-segment wildcard; here it is *`;
  const partial = segments.find((s) => s.length > 1 && /[*>#+]/.test(s));
  if (partial !== undefined) return `subscription "${pattern}": "${partial}" is taken literally, a wildcard must be a whole segment; ${wildcardHint}`;
  const tailIndex = segments.findIndex((s) => s === '>' || s === '#');
  if (tailIndex !== -1 && tailIndex !== segments.length - 1) {
    return `subscription "${pattern}": "${segments[tailIndex]}" is only allowed as the last segment`;
  }
  return undefined;
}

/** Splits a configured subscription into its pattern and optional work-queue group. */
export function parseSubscription(text: string): Subscription {
  const trimmed = text.trim();
  if (trimmed.startsWith('queue:')) {
    return { pattern: trimmed.slice('queue:'.length), group: trimmed };
  }
  return { pattern: trimmed };
}

/**
 * True when `topic` matches `pattern` (without `queue:` prefix; see the module comment).
 * Invalid patterns or topics never match.
 */
export function matchTopic(pattern: string, topic: string): boolean {
  if (validatePattern(pattern) !== undefined || validateTopic(topic) !== undefined) return false;
  const p = pattern.split('.');
  const t = topic.split('.');
  if (topic.startsWith(inboxPrefix) && p[0] !== '_inbox') return false;
  for (let i = 0; i < p.length; i++) {
    const seg = p[i];
    if (seg === '>' || seg === '#') return t.length > i;
    if (i >= t.length) return false;
    if (seg !== '*' && seg !== t[i]) return false;
  }
  return p.length === t.length;
}

/**
 * True when every topic `narrow` matches is matched by `wide` too (patterns without the
 * `queue:` prefix; `#` is `>`). A reply inbox is matched only by patterns naming `_inbox`,
 * so a wide pattern covers one that names it only if it names it too.
 */
export function patternCovers(wide: string, narrow: string): boolean {
  if (validatePattern(wide) !== undefined || validatePattern(narrow) !== undefined) return false;
  const x = wide.split('.').map((s) => (s === '#' ? '>' : s));
  const y = narrow.split('.').map((s) => (s === '#' ? '>' : s));
  if (y[0] === '_inbox' && x[0] !== '_inbox') return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === '>') return i < y.length;
    if (i >= y.length || y[i] === '>') return false;
    if (x[i] !== '*' && x[i] !== y[i]) return false;
  }
  return x.length === y.length;
}
