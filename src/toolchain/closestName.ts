/**
 * The name a typo most likely meant: the offered name fewest edits away, letter case aside
 * (`Run` → `run`, `opn` → `open`, `incrementz` → `increment`). Short names allow fewer
 * edits, so `get` is not offered for `run`. Undefined when none is that close.
 */
export function closestName(wrong: string, names: readonly string[]): string | undefined {
  const allowed = Math.min(3, Math.max(1, Math.floor(wrong.length / 3)));
  let best: [string, number] | undefined;
  for (const n of names) {
    if (n === wrong) continue;
    // A difference in case alone is the closest of all.
    const d = n.toLowerCase() === wrong.toLowerCase() ? 0 : distance(wrong.toLowerCase(), n.toLowerCase());
    if (d <= allowed && (!best || d < best[1])) best = [n, d];
  }
  return best?.[0];
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
