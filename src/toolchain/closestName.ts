/**
 * The name a typo most likely meant: the offered name fewest edits away, letter case aside
 * (`Run` → `run`, `opn` → `open`, `opne` → `open`, `incrementz` → `increment`). Short names
 * allow fewer edits, so `get` is not offered for `run`. Undefined when none is that close.
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

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters, each one edit. Plain Levenshtein counted a swap as two, so `opne`
 * (one slip of the fingers) was as far from `open` as `run` is from `get`.
 */
export function distance(a: string, b: string): number {
  // Three rows: a swap looks two rows back.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}
