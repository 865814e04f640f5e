/** A seeded pseudo-random source; equal seeds give equal sequences on every platform. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
}

/**
 * mulberry32: tiny, fast and good enough for fault dice — reproducibility is the point,
 * not cryptographic quality (Math.random cannot be seeded).
 */
export function createRng(seed = 1): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/**
 * Independent streams per purpose, so adding a call-fault rule does not shift which
 * messages get dropped: stream 0 = bus, 1 = host calls.
 */
export function rngFor(seed: number | undefined, stream: 'bus' | 'calls'): Rng {
  return createRng(((seed ?? 1) ^ (stream === 'bus' ? 0x9e3779b9 : 0x85ebca6b)) >>> 0);
}
