import type { Figure } from './figureStats.mjs';

export type { Figure } from './figureStats.mjs';

/** Rounds every figure runs unless `--rounds=N` says otherwise (fewer are flagged as too few). */
export const DEFAULT_ROUNDS = 5;

/** Samples of one figure: `guest[i]` and `baseline[i]` were measured in the same round. */
export interface Samples {
  guest: number[];
  baseline: number[];
}

/**
 * Measures guest and baseline in alternating rounds after one discarded warm-up of each
 * (IndexedDB, workers and JIT are slower on first use). The order flips every round
 * (guest, baseline | baseline, guest | …) so a drift in machine load (the bench machine is
 * shared) hits both sides alike instead of always favouring the one that runs second.
 */
export async function alternate(rounds: number, guest: () => Promise<number>, baseline: () => Promise<number>, opts: { warmup?: boolean } = {}): Promise<Samples> {
  if (opts.warmup !== false) {
    await guest();
    await baseline();
  }
  const out: Samples = { guest: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      out.guest.push(await guest());
      out.baseline.push(await baseline());
    } else {
      out.baseline.push(await baseline());
      out.guest.push(await guest());
    }
  }
  return out;
}

/** Like {@link alternate} for a measurement yielding several figures at once (e.g. throughput and latency). */
export async function alternateMany<K extends string>(rounds: number, guest: () => Promise<Record<K, number>>, baseline: () => Promise<Record<K, number>>): Promise<Record<K, Samples>> {
  const out = {} as Record<K, Samples>;
  const add = (side: keyof Samples, r: Record<K, number>) => {
    for (const [k, v] of Object.entries(r) as [K, number][]) (out[k] ??= { guest: [], baseline: [] })[side].push(v);
  };
  await guest();
  await baseline();
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      add('guest', await guest());
      add('baseline', await baseline());
    } else {
      add('baseline', await baseline());
      add('guest', await guest());
    }
  }
  return out;
}

/** Builds a {@link Figure} from samples. */
export function figure(samples: Samples, meta: Omit<Figure, 'guest' | 'baseline'>): Figure {
  return { ...meta, guest: samples.guest, baseline: samples.baseline };
}

export const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
