/** A goal on a ratio or on the guest's own samples. */
export interface Goal {
  op: '>=' | '<=' | '<' | '>';
  value: number;
}

/**
 * One bench figure as measured in the page: per-round samples of the guest path and of its
 * baseline, taken in alternating rounds (same index = same round).
 */
export interface Figure {
  /** Stable id, the key for `--compare`: e.g. "kv.ops", "messaging.throughput". */
  id: string;
  title: string;
  /** Unit of the samples ("ms", "msg/s"). */
  unit: string;
  guest: number[];
  baseline: number[];
  baselineName: string;
  /** How a round's ratio is formed; `baseline/guest` for times where 1 = as fast as the baseline. */
  ratio: 'baseline/guest' | 'guest/baseline';
  goal?: Goal;
  /** Goal on the guest samples themselves (e.g. a first JS build < 5000 ms). */
  absGoal?: Goal;
  notes?: Record<string, number | string>;
}

interface Range {
  median: number;
  min: number;
  max: number;
}

export interface Summary {
  id: string;
  title: string;
  unit: string;
  baselineName: string;
  rounds: number;
  ratioKind: Figure['ratio'];
  ratio: Range;
  guest: Range;
  baseline: Range;
  spread: number;
  wide: boolean;
  goal?: Goal;
  verdict: 'meets' | 'misses' | 'inconclusive' | 'no goal';
  absGoal?: Goal;
  absVerdict?: 'meets' | 'misses' | 'inconclusive' | 'no goal';
  notes?: Record<string, number | string>;
  samples: { guest: number[]; baseline: number[]; ratios: number[] };
}

export const WIDE_SPREAD: number;
export function median(xs: number[]): number;
export function ratiosOf(fig: Figure): number[];
export function verdictOf(values: number[], goal?: Goal): Summary['verdict'];
export function summarize(fig: Figure): Summary;
export function fmt(x: unknown): string;
export function formatSummary(s: Summary): string[];
export function compareRuns(before: { figures: Summary[] }, after: { figures: Summary[] }): string[];
export function higherIsBetter(s: Summary): boolean;
