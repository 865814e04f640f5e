/**
 * Proof that a message on a NATS server was sent by this browser. A message's CloudEvents
 * `source` (`/wcp/<tab>/<guest>`) names the tab that sent it, but any NATS client can write
 * any source: a peer in the room could pass as one of the presenter's own tabs. So every
 * send carries a seal, a keyed hash (HalfSipHash-2-4, 64-bit tag) of its id, source, subject
 * and payload under a key that never leaves this browser (natsSealKey.ts), and a delivery
 * counts as this browser's only when its seal checks out. Other machines' messages carry
 * seals under their own keys, which say nothing here.
 */
export interface NatsSeal {
  /** The seal of a message (16 hex digits). */
  of(id: string, source: string, subject: string, data: Uint8Array): string;
  /** True when `seal` is this browser's seal of the message. */
  verify(id: string, source: string, subject: string, data: Uint8Array, seal: string | undefined): boolean;
}

/** The NATS header carrying the seal (not a `ce-` attribute: guests never see it). */
export const SEAL_HEADER = 'wcp-seal';

const encoder = new TextEncoder();

export function createNatsSeal(key: Uint8Array): NatsSeal {
  if (key.length !== 8) throw new Error('a NATS seal key is 8 bytes');
  const of = (id: string, source: string, subject: string, data: Uint8Array): string => {
    // Length-prefixed fields, so no two different messages hash the same bytes.
    const head = encoder.encode(`${id.length}:${id}\n${source.length}:${source}\n${subject.length}:${subject}\n`);
    const input = new Uint8Array(head.length + data.length);
    input.set(head);
    input.set(data, head.length);
    return [...halfSipHash64(key, input)].map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return {
    of,
    verify: (id, source, subject, data, seal) => seal !== undefined && seal === of(id, source, subject, data),
  };
}

const rotl = (x: number, b: number): number => ((x << b) | (x >>> (32 - b))) >>> 0;
const le32 = (p: Uint8Array, at: number): number => (p[at] | (p[at + 1] << 8) | (p[at + 2] << 16) | (p[at + 3] << 24)) >>> 0;

/**
 * HalfSipHash-2-4 with a 64-bit output (Aumasson and Bernstein's keyed hash for short
 * inputs, the 32-bit-word variant, which needs no BigInt): 8-byte key, 8-byte tag.
 */
export function halfSipHash64(key: Uint8Array, input: Uint8Array): Uint8Array {
  const k0 = le32(key, 0);
  const k1 = le32(key, 4);
  let v0 = k0;
  let v1 = (k1 ^ 0xee) >>> 0;
  let v2 = (0x6c796765 ^ k0) >>> 0;
  let v3 = (0x74656462 ^ k1) >>> 0;
  const round = (): void => {
    v0 = (v0 + v1) >>> 0; v1 = rotl(v1, 5) ^ v0; v0 = rotl(v0, 16);
    v2 = (v2 + v3) >>> 0; v3 = rotl(v3, 8) ^ v2;
    v0 = (v0 + v3) >>> 0; v3 = rotl(v3, 7) ^ v0;
    v2 = (v2 + v1) >>> 0; v1 = rotl(v1, 13) ^ v2; v2 = rotl(v2, 16);
  };
  const whole = input.length - (input.length % 4);
  for (let at = 0; at < whole; at += 4) {
    const m = le32(input, at);
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  let b = (input.length << 24) >>> 0;
  for (let i = input.length - 1; i >= whole; i--) b = (b | (input[i] << ((i - whole) * 8))) >>> 0;
  v3 ^= b;
  round();
  round();
  v0 ^= b;
  v2 ^= 0xee;
  for (let i = 0; i < 4; i++) round();
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, (v1 ^ v3) >>> 0, true);
  v1 ^= 0xdd;
  for (let i = 0; i < 4; i++) round();
  view.setUint32(4, (v1 ^ v3) >>> 0, true);
  return out;
}
