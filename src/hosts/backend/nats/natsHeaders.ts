import { MsgHdrsImpl, type Msg } from '@nats-io/nats-core';
import type { Envelope } from '../../messaging/createEnvelope';

/**
 * CloudEvents attributes ↔ NATS headers (the NATS protocol binding, binary content mode:
 * `ce-<name>` headers, `datacontenttype` as `content-type`). Both directions skip the NATS
 * client's per-header checks where this module has already made sure of what they check:
 * every guest send and every delivery goes through here, in run workers that are fresh
 * for every run, so the client's general-purpose code runs mostly unoptimised there.
 */

/** Names the client would accept as they are: CloudEvents attribute names are lowercase a-z0-9. */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;

/** Printable ASCII except `%`: sent as is (ids, times, sources, types almost always). */
const PLAIN_HEADER_VALUE = /^[\x20-\x24\x26-\x7e]*$/;

/** CloudEvents attributes → NATS headers (binary mode). */
export function toHeaders(envelope: Envelope): MsgHdrsImpl {
  const h = new MsgHdrsImpl();
  for (const name in envelope) {
    const value = envelope[name];
    if (value === undefined) continue;
    const key = name === 'datacontenttype' ? 'content-type' : `ce-${name}`;
    const encoded = encodeHeaderValue(value);
    // A valid name and a value of printable ASCII go into the header map directly: that is
    // what `append` would store after canonicalising the name, scanning the names already
    // there and testing the value for CR/LF. Anything else takes `append` and its checks.
    if (ATTRIBUTE_NAME.test(name)) h.headers.set(key, [encoded.trim()]);
    else h.append(key, encoded);
  }
  return h;
}

/** The message's headers as [name, first value] pairs, values percent-decoded. */
export function readHeaderPairs(msg: Pick<Msg, 'headers'>): Array<[string, string]> {
  const pairs = readRawHeaders(msg) ?? [...(msg.headers ?? [])].map(([key, values]): [string, string] => [key, values[0] ?? '']);
  for (const pair of pairs) pair[1] = decodeHeaderValue(pair[1]);
  return pairs;
}

/**
 * The server's "no responders" status (`NATS/1.0 503`, no body), which it sends to a
 * request's reply subject when nobody subscribes to the request's topic. It is not a reply:
 * taken for one, a request to a topic nobody serves returned one empty reply on NATS where
 * the browser returns `err(timeout)` (the request-reply example's lonely asker).
 */
export function isNoResponders(msg: Pick<Msg, 'data' | 'headers'>): boolean {
  // The body first: reading `headers` decodes them, which a flood of messages should not pay.
  return msg.data.length === 0 && msg.headers?.code === 503;
}

const HEADER_LINE = 'NATS/1.0\r\n';
const decoder = new TextDecoder();

/**
 * The header block of a message as the client received it (`NATS/1.0` then `name: value`
 * lines), read in one pass instead of through the client's header map, which checks every
 * name again. Undefined when the message is not the client's own kind (tests, JetStream
 * views), carries a status line (`NATS/1.0 503`), or was decoded already: the caller then
 * reads `msg.headers`.
 */
function readRawHeaders(msg: unknown): Array<[string, string]> | undefined {
  const m = msg as { _rdata?: unknown; _msg?: { hdr?: unknown }; _headers?: unknown };
  const hdr = m._msg?.hdr;
  if (!(m._rdata instanceof Uint8Array) || typeof hdr !== 'number' || hdr <= 0 || m._headers !== undefined) return undefined;
  const text = decoder.decode(m._rdata.subarray(0, hdr));
  if (!text.startsWith(HEADER_LINE)) return undefined;
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (let at = HEADER_LINE.length; at < text.length; ) {
    let end = text.indexOf('\r\n', at);
    if (end < 0) end = text.length;
    const colon = text.indexOf(':', at);
    if (colon > at && colon < end) {
      const key = text.slice(at, colon);
      // The first value of a repeated name, as `msg.headers` gives it first.
      if (!seen.has(key)) {
        seen.add(key);
        pairs.push([key, text.slice(colon + 1, end).trim()]);
      }
    }
    at = end + 2;
  }
  return pairs;
}

/**
 * Header values are percent-encoded outside printable ASCII, as the CloudEvents HTTP
 * binding does, because NATS headers cannot carry CR/LF and are read as ASCII.
 */
function encodeHeaderValue(value: string): string {
  if (PLAIN_HEADER_VALUE.test(value)) return value;
  return value.replace(/[^\x20-\x24\x26-\x7e]/gu, (ch) => [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

function decodeHeaderValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
