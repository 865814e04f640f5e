// Statistics of bench figures, shared by bench/run.mjs (Node) and its unit test. Plain
// JavaScript so `node bench/run.mjs` needs no TypeScript step; types in figureStats.d.mts.

/** Relative spread (max − min) / median of the per-round ratios above which a figure is flagged. */
export const WIDE_SPREAD = 0.4;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const range = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Per-round ratios: round i's guest sample against round i's baseline sample. */
export function ratiosOf(fig) {
  return fig.guest.map((g, i) => (fig.ratio === 'baseline/guest' ? fig.baseline[i] / g : g / fig.baseline[i]));
}

const passes = (op, x, v) => (op === '>=' ? x >= v : op === '<=' ? x <= v : op === '<' ? x < v : x > v);

/**
 * Where a goal stands given every round: 'meets' when all rounds pass, 'misses' when all
 * fail, else 'inconclusive' (the goal lies inside the spread, so this run cannot say).
 */
export function verdictOf(values, goal) {
  if (!goal) return 'no goal';
  const ok = values.filter((x) => passes(goal.op, x, goal.value)).length;
  return ok === values.length ? 'meets' : ok === 0 ? 'misses' : 'inconclusive';
}

/** Median, min–max, spread flag and verdicts of one figure. */
export function summarize(fig) {
  const ratios = ratiosOf(fig);
  const ratio = range(ratios);
  const spread = (ratio.max - ratio.min) / Math.abs(ratio.median);
  return {
    id: fig.id,
    title: fig.title,
    unit: fig.unit,
    baselineName: fig.baselineName,
    rounds: ratios.length,
    ratioKind: fig.ratio,
    ratio,
    guest: range(fig.guest),
    baseline: range(fig.baseline),
    spread,
    wide: ratios.length < 5 || spread > WIDE_SPREAD,
    goal: fig.goal,
    verdict: verdictOf(ratios, fig.goal),
    absGoal: fig.absGoal,
    absVerdict: fig.absGoal ? verdictOf(fig.guest, fig.absGoal) : undefined,
    notes: fig.notes,
    samples: { guest: fig.guest, baseline: fig.baseline, ratios },
  };
}

export const fmt = (x) => (x === null || x === undefined ? '—' : typeof x !== 'number' ? String(x) : !Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Human-readable lines for one summary. */
export function formatSummary(s) {
  const r = s.ratio;
  const goal = s.goal ? `  goal ${s.goal.op} ${s.goal.value}: ${s.verdict.toUpperCase()}` : '';
  const abs = s.absGoal ? `  (absolute goal ${s.absGoal.op} ${s.absGoal.value} ${s.unit}: ${s.absVerdict.toUpperCase()})` : '';
  const lines = [
    `  ${s.id}: ratio ${fmt(r.median)} (min ${fmt(r.min)} – max ${fmt(r.max)}, ${s.rounds} rounds, ${s.ratioKind})${goal}${abs}`,
    `      guest ${fmt(s.guest.median)} ${s.unit} (${fmt(s.guest.min)}–${fmt(s.guest.max)})   ${s.baselineName} ${fmt(s.baseline.median)} ${s.unit} (${fmt(s.baseline.min)}–${fmt(s.baseline.max)})`,
  ];
  if (s.wide) lines.push(`      ! spread ${(s.spread * 100).toFixed(0)}% of the median${s.rounds < 5 ? ` over only ${s.rounds} rounds` : ''}: too wide to conclude from this run`);
  if (s.notes && Object.keys(s.notes).length) lines.push(`      ${Object.entries(s.notes).map(([k, v]) => `${k}=${fmt(v)}`).join('  ')}`);
  return lines;
}

/**
 * Compares two JSON runs figure by figure. A change counts only when the two min–max
 * ranges of the ratio do not overlap; otherwise it is within noise.
 */
export function compareRuns(before, after) {
  const old = new Map(before.figures.map((f) => [f.id, f]));
  const lines = [];
  for (const f of after.figures) {
    const o = old.get(f.id);
    if (!o) {
      lines.push(`  ${f.id}: new figure, ratio ${fmt(f.ratio.median)}`);
      continue;
    }
    const overlap = f.ratio.min <= o.ratio.max && o.ratio.min <= f.ratio.max;
    const up = f.ratio.median > o.ratio.median;
    const dir = overlap ? 'within noise' : up === higherIsBetter(f) ? 'BETTER' : 'WORSE';
    lines.push(`  ${f.id}: ${fmt(o.ratio.median)} (${fmt(o.ratio.min)}–${fmt(o.ratio.max)}) → ${fmt(f.ratio.median)} (${fmt(f.ratio.min)}–${fmt(f.ratio.max)})  ${dir}`);
  }
  return lines;
}

/** Whether a larger ratio is an improvement: taken from the goal when there is one. */
export function higherIsBetter(s) {
  if (s.goal) return s.goal.op.startsWith('>');
  return s.ratioKind === 'baseline/guest';
}
