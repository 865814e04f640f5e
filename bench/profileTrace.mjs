// Where a bench figure's CPU goes on the trace path: a Chrome trace with the V8 sampling
// profiler around window.wcpEngine.bench[figure](1) of a built site (best non-minified),
// JS self time by function in the busiest DedicatedWorker thread and in the page's main thread.
//   AB_PORT=4800 node bench/profileTrace.mjs 3 replay site=/tmp/site-prof
import { launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const runs = Number(process.argv[2]);
const figure = process.argv[3];
const sites = sitesFrom(process.argv.slice(4), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
try {
  const pages = await openEnginePages(browser, sites, (p) => p.evaluate((f) => window.wcpEngine.bench[f](1), figure));
  for (const v of sites) {
    const page = pages.get(v.name);
    const worker = new Map();
    const main = new Map();
    let wTotal = 0;
    let mTotal = 0;
    for (let r = 0; r < runs; r++) {
      await browser.startTracing(page, { categories: ['toplevel', 'v8', 'disabled-by-default-v8.cpu_profiler', '__metadata'] });
      await page.evaluate((f) => window.wcpEngine.bench[f](1), figure);
      const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
      wTotal += collect(events, worker, /^DedicatedWorker/);
      mTotal += collect(events, main, /^CrRendererMain/);
    }
    for (const [name, self, total] of [['busiest worker', worker, wTotal], ['page main', main, mTotal]]) {
      console.log(`\n== ${v.name} ${figure} ${name}: ${(total / 1000 / runs).toFixed(0)} ms sampled per run; self ms per run:`);
      for (const [l, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(us / 1000 / runs).toFixed(1).padStart(7)}  ${l}`);
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');

/** Adds the busiest matching thread's sampled self time per function into `self`; returns its total µs. */
function collect(events, self, thread) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
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
