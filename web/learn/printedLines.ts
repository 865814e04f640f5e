import { isHelperGuest, type Lesson, type RunRecord } from '../../src/index';

/** What a checked run printed (stdout `›`, stderr `⚠`, each line after its guest's trace name), by who wrote the code. */
export interface CheckOutput {
  /** The learner's guests, whose code is in the editors: "What your component printed". */
  yours: string[];
  /** The lesson's fixed helpers (a listener, a producer, an asker…): code the learner did not write. */
  helpers: string[];
}

/** No run, or nothing printed. */
export const NO_OUTPUT: CheckOutput = { yours: [], helpers: [] };

/**
 * Splits the run's stdout and stderr between the learner's guests and the lesson's fixed
 * helpers. All went under "What your component printed" before: in the pub/sub lesson the
 * learner's order service prints nothing, yet the box said it printed the 2–3 lines its
 * two listeners (fixed helpers) printed. A guest sharing another's code (`sameCodeAs`) is
 * the learner's.
 */
export function printedLines(lesson: Lesson, record: RunRecord | undefined): CheckOutput {
  const out: CheckOutput = { yours: [], helpers: [] };
  for (const g of record?.guests ?? []) {
    const lines = [...g.stdout.map((l) => `${g.traceName} › ${l}`), ...g.stderr.map((l) => `${g.traceName} ⚠ ${l}`)];
    (isHelperGuest(lesson, g.name) ? out.helpers : out.yours).push(...lines);
  }
  return out;
}
