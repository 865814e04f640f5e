// Sampled self time per function from a Chrome trace recorded with the V8 CPU profiler
// (`disabled-by-default-v8.cpu_profiler`): shared by the profile*.mjs tools.

/** Adds the busiest matching thread's sampled self time per function into `self`; returns its total µs. */
export function collectSelfTime(events, self, thread) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // Chunks come from the profiler's own threads; the `Profile` event names the profiled thread.
  const profiles = new Set();
  for (const e of events) if (e.name === 'Profile' && thread.test(names.get(`${e.pid}:${e.tid}`) ?? '')) profiles.add(`${e.pid}:${e.id}`);
  const byProfile = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !profiles.has(`${e.pid}:${e.id}`)) continue;
    const key = `${e.pid}:${e.id}`;
    const p = byProfile.get(key) ?? byProfile.set(key, { nodes: new Map(), samples: [] }).get(key);
    const c = e.args?.data?.cpuProfile;
    for (const node of c?.nodes ?? []) p.nodes.set(node.id, node.callFrame);
    const ids = c?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) p.samples.push([ids[i], deltas[i + 1] ?? deltas[i] ?? 0]);
  }
  let best;
  let bestUs = -1;
  for (const p of byProfile.values()) {
    let us = 0;
    for (const [id, d] of p.samples) if (p.nodes.get(id)?.functionName !== '(idle)') us += d;
    if (us > bestUs) [best, bestUs] = [p, us];
  }
  if (!best) return 0;
  for (const [id, d] of best.samples) {
    const f = best.nodes.get(id);
    if (!f || f.functionName === '(idle)') continue;
    const l = `${f.functionName || '(anon)'} ${f.url?.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''}:${(f.lineNumber ?? -1) + 1}`;
    self.set(l, (self.get(l) ?? 0) + d);
  }
  return bestUs;
}
