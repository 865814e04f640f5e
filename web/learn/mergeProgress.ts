import type { LessonProgress } from './progressStore';

/** One tab's change to a lesson's progress, applied to the freshest record there is. */
export type ProgressChange = (p: LessonProgress) => LessonProgress;

/**
 * The record to store when a tab changes a lesson: `changed` is that tab's change applied
 * to `stored`, the record read in the same IndexedDB transaction. What the learner achieved
 * only ever grows, whatever the change says: a tab that still shows an old state (another
 * tab passed meanwhile) must not write "not done" over "done". Two tabs once did, when each
 * wrote its whole in-memory copy. The code is the change's: the last edit wins, as in an
 * editor, while `passedCode` keeps the code of the latest pass, which no edit removes.
 */
export function mergeProgress(stored: LessonProgress | undefined, changed: LessonProgress): LessonProgress {
  if (!stored) return changed;
  const firstPassedAt = [stored.firstPassedAt, changed.firstPassedAt].filter((t): t is number => t !== undefined);
  const passedCode = changed.passedCode ?? stored.passedCode;
  return {
    ...changed,
    done: stored.done || changed.done,
    tried: stored.tried || changed.tried,
    hints: Math.max(stored.hints, changed.hints),
    ...(passedCode ? { passedCode } : {}),
    ...(firstPassedAt.length ? { firstPassedAt: Math.min(...firstPassedAt) } : {}),
  };
}

/** Applies queued changes in order (a tab's edits not yet written, over a newer record). */
export const applyChanges = (p: LessonProgress, changes: readonly ProgressChange[]): LessonProgress => changes.reduce((q, c) => c(q), p);

/** Same code by guest name (key order does not matter). */
export function sameSources(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}
