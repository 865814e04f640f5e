import { withoutUserinfo } from './backendChoice';

/**
 * Share links may name the NATS server a workspace ran on, as the `nats` query parameter
 * (`?nats=wss%3A%2F%2Fhost%3A443#w2.…`). Only the address: credentials never go into a link.
 * Opening such a link asks before connecting (BackendOffer).
 */
export const NATS_PARAM = 'nats';

/** `url` with the server address added as `?nats=` (before the hash), never with `user:pass@`. */
export function withNatsServer(url: string, address: string): string {
  const servers = withoutUserinfo(address);
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${base}${base.includes('?') ? '&' : '?'}${NATS_PARAM}=${encodeURIComponent(servers)}${hash}`;
}

/** The server a link names, when it is a plausible WebSocket address; otherwise undefined. */
export function natsServerOfLink(search: string): string | undefined {
  const value = new URLSearchParams(search).get(NATS_PARAM)?.trim();
  if (!value || !/^wss?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.test(value)) return undefined;
  return value;
}
