// Sampled self time per function from a Chrome trace recorded with the V8 CPU profiler
// (`disabled-by-default-v8.cpu_profiler`): shared by the profile*.mjs tools.
import { threadNames } from './readChromeTrace.mjs';

/**
 * Adds the busiest matching thread's sampled self time per function into `self` (with `rank`
 * 1, the second busiest's, and so on); returns its total µs. With `inSpanOf` (a function
 * name pattern), only the samples from the first to the last inside such a function count: a
 * flood's span, without the worker's start-up (often in the same task) and what follows.
 */
export function collectSelfTime(events, self, thread, rank = 0, inSpanOf = undefined) {
  const names = threadNames(events);
  // Chunks come from the profiler's own threads; the `Profile` event names the profiled thread
  // and when sampling started (sample times are deltas from it).
  const starts = new Map();
  for (const e of events) if (e.name === 'Profile' && thread.test(names.get(`${e.pid}:${e.tid}`) ?? '')) starts.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? 0);
  const byProfile = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !starts.has(`${e.pid}:${e.id}`)) continue;
    const key = `${e.pid}:${e.id}`;
    const p = byProfile.get(key) ?? byProfile.set(key, { nodes: new Map(), parents: new Map(), samples: [], at: starts.get(key) }).get(key);
    const c = e.args?.data?.cpuProfile;
    for (const node of c?.nodes ?? []) {
      p.nodes.set(node.id, node.callFrame);
      if (node.parent !== undefined) p.parents.set(node.id, node.parent);
    }
    const ids = c?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.at += deltas[i] ?? 0;
      p.samples.push([ids[i], deltas[i + 1] ?? deltas[i] ?? 0, p.at]);
    }
  }
  if (inSpanOf) for (const p of byProfile.values()) {
    const [from, to] = spanWindow(p, inSpanOf);
    p.samples = p.samples.filter(([, , at]) => at >= from && at <= to);
  }
  const busy = [...byProfile.values()].map((p) => {
    let us = 0;
    for (const [id, d] of p.samples) if (p.nodes.get(id)?.functionName !== '(idle)') us += d;
    return [p, us];
  });
  busy.sort((a, b) => b[1] - a[1]);
  if (busy.length <= rank) return 0;
  const [best, bestUs] = busy[rank];
  for (const [id, d] of best.samples) {
    const f = best.nodes.get(id);
    if (!f || f.functionName === '(idle)') continue;
    const l = `${f.functionName || '(anon)'} ${f.url?.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''}:${(f.lineNumber ?? -1) + 1}`;
    self.set(l, (self.get(l) ?? 0) + d);
  }
  return bestUs;
}

/** [first, last] µs of the samples inside a function matching `pattern` (a flood's span). */
function spanWindow(p, pattern) {
  const inside = (id) => {
    for (let n = id; n !== undefined; n = p.parents.get(n)) if (pattern.test(p.nodes.get(n)?.functionName ?? '')) return true;
    return false;
  };
  let from = Infinity;
  let to = -Infinity;
  for (const [id, , at] of p.samples) if (inside(id)) [from, to] = [Math.min(from, at), Math.max(to, at)];
  return [from, to];
}
