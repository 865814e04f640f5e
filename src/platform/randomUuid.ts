/**
 * A random RFC 4122 version-4 UUID on every origin. `crypto.randomUUID` exists only in
 * secure contexts (https, localhost): a classroom serving the site over plain http on a LAN
 * name would otherwise trap in every messaging host call. `crypto.getRandomValues` is
 * available everywhere, so the fallback is as random as the native one.
 */
export function randomUuid(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c!.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
