import { HostError } from '../hostContract';
import { quote } from './blobStore';

/** Checks `start > end` before any storage access; the message names the range as given. */
export function checkRangeOrder(start: bigint, end: bigint): void {
  if (start > end) throw new HostError(`range ${start}..=${end} is invalid: start > end`);
}

/**
 * Turns the inclusive `get-data(start, end)` range into Blob.slice bounds
 * `[from, to)` for an object of `size` bytes.
 *
 * What happens past the end is unspecified upstream (WebAssembly/wasi-blobstore issue
 * #31). Our choice, the same as an HTTP Range request:
 * - `end >= size` is clamped to `size - 1`, so `get-data(name, 0, u64::MAX)` reads the
 *   whole object without first asking for its size;
 * - `start >= size` is an error, because it can only come from a stale size or a bug;
 * - the one exception is an empty object read from `start = 0`, which yields an empty
 *   value: an inclusive range cannot express "zero bytes", and refusing would make empty
 *   objects unreadable with the whole-object idiom above.
 */
export function resolveRange(name: string, size: number, start: bigint, end: bigint): { from: number; to: number } {
  checkRangeOrder(start, end);
  if (size === 0 && start === 0n) return { from: 0, to: 0 };
  if (start >= BigInt(size)) {
    throw new HostError(`start ${start} is past the end of object ${quote(name)} (size ${size})`);
  }
  const last = end >= BigInt(size) ? size - 1 : Number(end);
  return { from: Number(start), to: last + 1 };
}
