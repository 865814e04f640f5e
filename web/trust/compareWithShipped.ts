import { diffLines, type DiffLine } from '../../src/index';

/** A run of diff rows shown together, after some unchanged lines left out. */
export interface DiffHunk {
  /** Unchanged lines left out between the previous hunk (or the top) and this one. */
  skippedBefore: number;
  rows: DiffLine[];
}

/** How host code from outside differs from the host code an example ships. */
export interface ShippedComparison {
  /** Keeps at least half of the shipped lines: an edit of it, shown as a diff. */
  basedOn: boolean;
  /** "1 line added", "2 lines changed and 1 removed". */
  summary: string;
  hunks: DiffHunk[];
  /** Unchanged lines after the last hunk shown. */
  skippedAfter: number;
  /** Changed lines past the row cap, not shown in the diff (the whole file has them). */
  changesNotShown: number;
  /** Lines of the shipped code kept as they are, and how many it has. */
  kept: number;
  shippedLines: number;
}

/**
 * Compares a link's host code with the example's shipped host for the same package, so the
 * prompt can lead with what was changed (one line added mid-file was easy to miss in a
 * 33-line listing) and show only those lines, with `context` lines around each change.
 * A diff of a bundle rewritten end to end is capped at `maxRows` rows.
 */
export function compareWithShipped(shipped: string, source: string, context = 3, maxRows = 400): ShippedComparison {
  const diff = diffLines(shipped, source);
  const { lines } = diff;
  const shown = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    if (l.kind !== 'same') shown.fill(1, Math.max(0, i - context), Math.min(lines.length, i + context + 1));
  });
  const hunks: DiffHunk[] = [];
  let skipped = 0;
  let rows = 0;
  let changesNotShown = 0;
  lines.forEach((l, i) => {
    if (rows >= maxRows) changesNotShown += l.kind === 'same' ? 0 : 1;
    else if (!shown[i]) skipped++;
    else {
      if (i === 0 || !shown[i - 1] || hunks.length === 0) hunks.push({ skippedBefore: skipped, rows: [] });
      hunks[hunks.length - 1].rows.push(l);
      skipped = 0;
      rows++;
    }
  });
  const shippedLines = diff.same + diff.removed;
  return { basedOn: diff.same * 2 >= shippedLines, summary: describeChanges(lines), hunks, skippedAfter: rows >= maxRows ? 0 : skipped, changesNotShown, kept: diff.same, shippedLines };
}

/** Removed lines followed by added ones count as changed, pair by pair; the rest as added or removed. */
function describeChanges(lines: readonly DiffLine[]): string {
  let changed = 0;
  let added = 0;
  let removed = 0;
  let blockAdded = 0;
  let blockRemoved = 0;
  const endBlock = () => {
    const pairs = Math.min(blockAdded, blockRemoved);
    changed += pairs;
    added += blockAdded - pairs;
    removed += blockRemoved - pairs;
    blockAdded = blockRemoved = 0;
  };
  for (const l of lines) {
    if (l.kind === 'same') endBlock();
    else if (l.kind === 'added') blockAdded++;
    else blockRemoved++;
  }
  endBlock();
  const parts = ([[changed, 'changed'], [added, 'added'], [removed, 'removed']] as const).filter(([n]) => n > 0);
  const text = parts.map(([n, what], i) => `${n.toLocaleString('en')}${i === 0 ? (n === 1 ? ' line' : ' lines') : ''} ${what}`);
  return text.length > 1 ? `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}` : text[0] ?? 'no lines changed';
}
