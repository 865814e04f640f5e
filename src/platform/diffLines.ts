/** One line of a line diff: kept, added by the new text, or removed from the old one. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line number in the old text (same and removed lines). */
  oldNo?: number;
  /** 1-based line number in the new text (same and added lines). */
  newNo?: number;
}

/** A line diff and its counts. */
export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  same: number;
}

/**
 * Edit scripts longer than this are not searched for exactly (Myers costs (N+M)·D time and
 * D² memory): a budget of about 20 million steps keeps a megabyte of host code under a
 * fraction of a second. Past it, lines unique to both sides anchor a patience diff and what
 * still does not line up is shown as removed-then-added: never hidden, only less tidy.
 */
const STEP_BUDGET = 20_000_000;
const MAX_EDITS = 2_000;

type Op = 0 | 1 | 2; // same, added, removed

/**
 * A line diff of two texts (lines split on `\n`, compared exactly). Used by the trust prompt
 * (a link's host code against the example's) and by a lesson's solution (the learner's code
 * against it), which passes `ignoreTrailingSpace` and `\r\n` text: an editor's stray spaces or
 * a Windows file are no change to a learner, while in code someone asks to run every byte is.
 */
export function diffLines(before: string, after: string, opts: { ignoreTrailingSpace?: boolean } = {}): LineDiff {
  const ids = new Map<string, number>();
  const key = opts.ignoreTrailingSpace ? (l: string) => l.trimEnd() : (l: string) => l;
  const intern = (lines: string[]) => Int32Array.from(lines, (line) => { const l = key(line); return ids.get(l) ?? (ids.set(l, ids.size), ids.size - 1); });
  const split = (text: string) => (opts.ignoreTrailingSpace ? text.replace(/\r\n/g, '\n') : text).split('\n');
  const oldLines = split(before);
  const newLines = split(after);
  const ops = diffIds(intern(oldLines), intern(newLines), true);
  const lines: DiffLine[] = [];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    if (op === 0) lines.push({ kind: 'same', text: oldLines[o], oldNo: ++o, newNo: ++n });
    else if (op === 1) lines.push({ kind: 'added', text: newLines[n], newNo: ++n });
    else lines.push({ kind: 'removed', text: oldLines[o], oldNo: ++o });
  }
  const count = (kind: DiffLine['kind']) => lines.reduce((c, l) => c + (l.kind === kind ? 1 : 0), 0);
  return { lines, added: count('added'), removed: count('removed'), same: count('same') };
}

/** Common prefix and suffix first (one edit in 5,000 lines costs nothing more), then Myers. */
function diffIds(a: Int32Array, b: Int32Array, anchor: boolean): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);
  const midA = a.subarray(start, endA);
  const midB = b.subarray(start, endB);
  const middle = myers(midA, midB) ?? (anchor ? patience(midA, midB) : replaced(midA.length, midB.length));
  const ops = new Array<Op>(start).fill(0);
  append(ops, middle);
  return append(ops, new Array<Op>(a.length - endA).fill(0));
}

/** Push without spreading: a spread of 100,000 arguments overflows the stack. */
function append(target: Op[], more: readonly Op[]): Op[] {
  for (const op of more) target.push(op);
  return target;
}

function replaced(removed: number, added: number): Op[] {
  return [...new Array<Op>(removed).fill(2), ...new Array<Op>(added).fill(1)];
}

/** Myers' greedy shortest edit script, or undefined past the edit budget. */
function myers(a: Int32Array, b: Int32Array): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return replaced(n, m);
  const limit = Math.min(n + m, MAX_EDITS, Math.floor(STEP_BUDGET / (n + m)));
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) (x++, y++);
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d]; // v before step d, indexed k + d + 1
    const k = x - y;
    const down = k === -d || (k !== d && v[k - 1 + d + 1] < v[k + 1 + d + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[prevK + d + 1];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) (ops.push(0), x--, y--);
    ops.push(down ? 1 : 2);
    x = prevX;
    y = prevY;
  }
  while (x > 0) (ops.push(0), x--);
  return ops.reverse();
}

/** Patience diff: lines occurring once on each side, longest run in order, gaps diffed alone. */
function patience(a: Int32Array, b: Int32Array): Op[] {
  const seen = (arr: Int32Array) => {
    const at = new Map<number, number>();
    arr.forEach((id, i) => at.set(id, at.has(id) ? -1 : i));
    return at;
  };
  const inA = seen(a);
  const inB = seen(b);
  const pairs: [number, number][] = [];
  inA.forEach((i, id) => i >= 0 && (inB.get(id) ?? -1) >= 0 && pairs.push([i, inB.get(id)!]));
  pairs.sort((p, q) => p[0] - q[0]);
  const anchors = longestIncreasing(pairs);
  if (anchors.length === 0) return replaced(a.length, b.length);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as [number, number]]) {
    append(ops, diffIds(a.subarray(i, ai), b.subarray(j, bj), false));
    if (ai < a.length) ops.push(0);
    i = ai + 1;
    j = bj + 1;
  }
  return ops;
}

/** The longest subsequence of pairs (sorted by their first) increasing in their second. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length);
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    prev[p] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = p;
  });
  const out: [number, number][] = [];
  for (let p = tails.length ? tails[tails.length - 1] : -1; p >= 0; p = prev[p]) out.push(pairs[p]);
  return out.reverse();
}
