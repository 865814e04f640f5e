import { commonEnds, type DiffLine } from '../../src/index';

/** A diff line with the part that differs from its counterpart marked: `text.slice(from, to)`. */
export interface MarkedLine extends DiffLine {
  changed?: { from: number; to: number };
}

/**
 * Pairs each run of removed lines with the run of added lines right after it (first with
 * first) and marks, in both, what lies between their common start and common end. In the
 * lesson panel's narrow diff the difference was often past the edge — `- bucket.set('last',
 * new TextEncoder` over `+ bucket.set('last', new TextEncoder`, the `'hello'` against
 * `'hello class'` out of sight — and the learner saw two "equal" lines.
 */
export function findChangedSpans(lines: DiffLine[]): MarkedLine[] {
  const out: MarkedLine[] = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; ) {
    if (out[i]!.kind !== 'removed') {
      i++;
      continue;
    }
    const removedStart = i;
    while (i < out.length && out[i]!.kind === 'removed') i++;
    const addedStart = i;
    while (i < out.length && out[i]!.kind === 'added') i++;
    const pairs = Math.min(addedStart - removedStart, i - addedStart);
    for (let k = 0; k < pairs; k++) markPair(out[removedStart + k]!, out[addedStart + k]!);
  }
  return out;
}

function markPair(mine: MarkedLine, theirs: MarkedLine): void {
  const a = mine.text.trimEnd();
  const b = theirs.text.trimEnd();
  const [start, end] = commonEnds(a, b);
  // Lines with nothing in common are simply different lines: marking all of them says nothing.
  if (start === 0 && end === 0) return;
  if (a.length - end > start) mine.changed = { from: start, to: a.length - end };
  if (b.length - end > start) theirs.changed = { from: start, to: b.length - end };
}
