/** One line of a diff: kept, only in the learner's code (`-`), or only in the solution (`+`). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/**
 * Line diff of the learner's code against the solution (longest common subsequence;
 * lessons are small, so the quadratic table is fine). Trailing whitespace is ignored when
 * comparing, so an editor's stray spaces don't show as changes.
 */
export function diffLines(mine: string, theirs: string): DiffLine[] {
  const a = mine.replace(/\r\n/g, '\n').split('\n');
  const b = theirs.replace(/\r\n/g, '\n').split('\n');
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      out.push({ op: ' ', text: b[j] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: '-', text: a[i++] });
    else out.push({ op: '+', text: b[j++] });
  }
  while (i < n) out.push({ op: '-', text: a[i++] });
  while (j < m) out.push({ op: '+', text: b[j++] });
  return out;
}
