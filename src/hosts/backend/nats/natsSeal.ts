/**
 * Proof that a message on a NATS server was sent by this browser. A message's CloudEvents
 * `source` (`/wcp/<tab>/<guest>`) names the tab that sent it, but any NATS client can write
 * any source: a peer in the room could pass as one of the presenter's own tabs. So every
 * send carries a seal, a keyed hash (HalfSipHash-2-4, 64-bit tag) of its id, source, subject,
 * payload and its stamp under a key that never leaves this browser (natsSealKey.ts), and a
 * delivery counts as this browser's only when its seal checks out. Other machines' messages
 * carry seals under their own keys, which say nothing here.
 *
 * The stamp (when it was published, and a count) makes each transmission's seal its own: a
 * peer that re-publishes a captured message word for word repeats a transmission, which the
 * receiver tells by its stamp (natsReplay.ts), while a message sent twice (a duplicate
 * fault, a retry) is two transmissions, both this browser's.
 */
export interface NatsSeal {
  /** The seal of one transmission of a message: `<ms>.<n>.<tag>` (base 36, base 36, 16 hex digits). */
  of(id: string, source: string, subject: string, data: Uint8Array): string;
  /** True when `seal` is this browser's seal of the message. */
  verify(id: string, source: string, subject: string, data: Uint8Array, seal: string | undefined): boolean;
  /** The transmission `seal` (this browser's seal of the message) stamps, else undefined. */
  open(id: string, source: string, subject: string, data: Uint8Array, seal: string | undefined): SealedTransmission | undefined;
}

/** One publication of a message, as its seal stamps it. */
export interface SealedTransmission {
  /** Unique per publication: the message id and the stamp. */
  key: string;
  /** When it was published (ms since the epoch, this browser's clock). */
  sentAt: number;
}

/** The NATS header carrying the seal (not a `ce-` attribute: guests never see it). */
export const SEAL_HEADER = 'wcp-seal';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function createNatsSeal(key: Uint8Array): NatsSeal {
  if (key.length !== 8) throw new Error('a NATS seal key is 8 bytes');
  const k0 = le32(key, 0);
  const k1 = le32(key, 4);
  // One buffer per seal, grown as needed: a flood seals every send and checks every delivery.
  let buffer = new Uint8Array(256);
  // Publications of this worker in its millisecond: two of one message (a duplicate) differ.
  let count = 0;
  const tagOf = (id: string, source: string, subject: string, stamp: string, data: Uint8Array): string => {
    // Length-prefixed fields, so no two different messages hash the same bytes.
    const head = `${id.length}:${id}\n${source.length}:${source}\n${subject.length}:${subject}\n${stamp}\n`;
    const need = head.length * 3 + data.length;
    if (buffer.length < need) buffer = new Uint8Array(need * 2);
    const written = encoder.encodeInto(head, buffer).written;
    buffer.set(data, written);
    const tag = halfSipHash64Words(k0, k1, buffer, written + data.length);
    return hexOf(tag[0]) + hexOf(tag[1]);
  };
  const open = (id: string, source: string, subject: string, data: Uint8Array, seal: string | undefined): SealedTransmission | undefined => {
    if (seal === undefined) return undefined;
    const dot = seal.length - 17;
    if (dot < 3 || seal[dot] !== '.') return undefined;
    const stamp = seal.slice(0, dot);
    if (tagOf(id, source, subject, stamp, data) !== seal.slice(dot + 1)) return undefined;
    return { key: `${id} ${stamp}`, sentAt: parseInt(stamp, 36) };
  };
  return {
    of(id, source, subject, data) {
      const stamp = `${Date.now().toString(36)}.${(count++ % 1296).toString(36)}`;
      return `${stamp}.${tagOf(id, source, subject, stamp, data)}`;
    },
    verify: (id, source, subject, data, seal) => open(id, source, subject, data, seal) !== undefined,
    open,
  };
}

/** A 32-bit word's bytes, little-endian, as hex. */
function hexOf(w: number): string {
  return HEX[w & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[(w >>> 16) & 0xff] + HEX[w >>> 24];
}

const le32 = (p: Uint8Array, at: number): number => (p[at] | (p[at + 1] << 8) | (p[at + 2] << 16) | (p[at + 3] << 24)) >>> 0;

/**
 * HalfSipHash-2-4 with a 64-bit output (Aumasson and Bernstein's keyed hash for short
 * inputs, the 32-bit-word variant, which needs no BigInt): 8-byte key, 8-byte tag.
 */
export function halfSipHash64(key: Uint8Array, input: Uint8Array): Uint8Array {
  const [w0, w1] = halfSipHash64Words(le32(key, 0), le32(key, 4), input, input.length);
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, w0, true);
  view.setUint32(4, w1, true);
  return out;
}

// The rounds are written out with plain locals (no closure over them): sealing a message
// took 36 µs with a round function capturing the state, on every send and every delivery.
const state = new Uint32Array(4);
const tagWords: [number, number] = [0, 0];

function rounds(count: number): void {
  let v0 = state[0], v1 = state[1], v2 = state[2], v3 = state[3];
  for (let i = 0; i < count; i++) {
    v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
    v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
    v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
  }
  state[0] = v0; state[1] = v1; state[2] = v2; state[3] = v3;
}

/** The tag as two 32-bit words (bytes 0–3 and 4–7, little-endian) of `input[0, length)`. */
function halfSipHash64Words(k0: number, k1: number, input: Uint8Array, length: number): [number, number] {
  state[0] = k0;
  state[1] = k1 ^ 0xee;
  state[2] = 0x6c796765 ^ k0;
  state[3] = 0x74656462 ^ k1;
  const whole = length - (length % 4);
  for (let at = 0; at < whole; at += 4) {
    const m = input[at] | (input[at + 1] << 8) | (input[at + 2] << 16) | (input[at + 3] << 24);
    state[3] ^= m;
    rounds(2);
    state[0] ^= m;
  }
  let b = length << 24;
  for (let i = length - 1; i >= whole; i--) b |= input[i] << ((i - whole) * 8);
  state[3] ^= b;
  rounds(2);
  state[0] ^= b;
  state[2] ^= 0xee;
  rounds(4);
  tagWords[0] = (state[1] ^ state[3]) >>> 0;
  state[1] ^= 0xdd;
  rounds(4);
  tagWords[1] = (state[1] ^ state[3]) >>> 0;
  return tagWords;
}
