/** UUIDs drawn per refill of the random pool (16 bytes each). */
const POOL_UUIDS = 256;

let pool = new Uint8Array(0);
let used = 0;

// Byte → two hex digits, built once.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random RFC 4122 version-4 UUID on every origin, from `crypto.getRandomValues` (available
 * everywhere, unlike `crypto.randomUUID`, which exists only in secure contexts: a classroom
 * serving the site over plain http on a LAN name would otherwise trap in every messaging
 * host call). The bytes come from a pool refilled 256 UUIDs at a time: in a worker each
 * `crypto.randomUUID()` or small `getRandomValues` call cost 3.5–5.4 µs (a flooding
 * producer makes one id per send, a quarter of its time), one refill about as much as one
 * call. Same generator, same randomness; only the number of calls into it changes.
 */
export function randomUuid(): string {
  if (used + 16 > pool.length) {
    if (pool.length === 0) pool = new Uint8Array(16 * POOL_UUIDS);
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const b = pool;
  const o = used;
  used += 16;
  const h = (i: number) => HEX[b[o + i]!]!;
  const version = HEX[(b[o + 6]! & 0x0f) | 0x40]!; // version 4
  const variant = HEX[(b[o + 8]! & 0x3f) | 0x80]!; // RFC 4122 variant
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${version}${h(7)}-${variant}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
