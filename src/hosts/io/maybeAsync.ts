/** A value that is either ready now or arrives later. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Chains `next` after `value` without turning a synchronous value into a Promise.
 * Streams over in-memory bytes stay fully synchronous this way, so they also work for
 * callers that are not running under JSPI (host code, Node tests, the CLI stdout path).
 */
export function andThen<T, R>(value: MaybePromise<T>, next: (v: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Converts a WIT u64 length to a JS number. Lengths past 2^53 cannot be honoured anyway
 * (no buffer is that big), so they are capped instead of rejected: "read up to N" with a
 * huge N simply means "as much as there is".
 */
export function lengthOf(len: bigint | number, what = 'length'): number {
  const n = typeof len === 'bigint' ? len : BigInt(Math.trunc(len));
  if (n < 0n) throw new RangeError(`${what} must not be negative (got ${n})`);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

/**
 * The key jco calls when a guest drops a host resource. Older engines lack
 * `Symbol.dispose`; jco then falls back to `Symbol.for('dispose')`, and so do we.
 */
export const symbolDispose: typeof Symbol.dispose = Symbol.dispose ?? (Symbol.for('dispose') as typeof Symbol.dispose);
