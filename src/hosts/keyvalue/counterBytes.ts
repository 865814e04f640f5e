import { HostError } from '../hostContract';

/**
 * Counters are stored as the decimal text of the number ("42", "-7") in UTF-8, not as
 * 8 binary bytes: a guest that uses plain `get`/`set` can read and seed a counter
 * with ordinary strings, the inspector shows it readably, and draft (u64) and draft2
 * (s64) guests agree on the format without knowing each other's integer width.
 */
const DECIMAL = /^-?[0-9]+$/;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes of a counter value. */
export function encodeCounter(value: bigint): Uint8Array {
  return encoder.encode(value.toString(10));
}

/** Current counter value; a missing key counts as 0 so increment creates it with `delta`. */
export function decodeCounter(bytes: Uint8Array | undefined, key: string): bigint {
  if (bytes === undefined) return 0n;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw notACounter(key, `${bytes.length} bytes of non-UTF-8 data`);
  }
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) throw notACounter(key, JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text));
  return BigInt(trimmed);
}

function notACounter(key: string, what: string): HostError {
  return new HostError({
    tag: 'other',
    val: `cannot increment "${key}": it holds ${what}, not a decimal integer; value unchanged`,
  });
}
