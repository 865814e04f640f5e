#!/usr/bin/env node
// Where a worker of a guest messaging flood (bench/benchMessaging.ts's flood probe) spends its
// time, by JS function, from Chrome's sampling profiler: the busiest (the producer's run worker
// in floods of 2,000–6,000) or, with RANK=1, the second busiest (the handler's). Not a figure: a
// tool for finding what to take off a flood's path (messaging.throughput). The profiler samples
// wall time (a thread waiting for a core is charged to the function it was in), and guest code
// under a JSPI export shows as `(program)`.
//   AB_PORT=4450 [RANK=1] node bench/profileMsgWorker.mjs [n=6000] [rounds=3] site=/path/to/built/site
// RANK=1 profiles the second busiest worker instead (RANK=0, the default: the busiest).
// The profiler slows the worker; shares between functions hold, absolute times do not.
import { collectSelfTime } from './collectSelfTime.mjs';
import { launchChromium, openEnginePages, serveSites, sitesFrom, warmFloodProbe } from './abSites.mjs';

const n = Number(process.argv[2] ?? 6000);
const rounds = Number(process.argv[3] ?? 3);
const sites = sitesFrom(process.argv.slice(4), Number(process.env.AB_PORT ?? 4450));
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const self = new Map();
let total = 0;
try {
  const pages = await openEnginePages(browser, sites, warmFloodProbe(n));
  const page = pages.get(sites[0].name);
  for (let r = 0; r < rounds; r++) {
    await browser.startTracing(page, { categories: ['toplevel', 'v8', 'disabled-by-default-v8.cpu_profiler', '__metadata'] });
    await page.evaluate((k) => window.wcpEngine.floodProbe.guest(k), n);
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    total += collectSelfTime(events, self, /^DedicatedWorker/, Number(process.env.RANK ?? 0));
  }
} finally {
  await browser.close();
  stop();
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45));
console.log(`worker of rank ${process.env.RANK ?? 0} by busyness, ${rounds} floods of ${n}: ${(total / 1000).toFixed(0)} ms sampled, ${(total / rounds / n).toFixed(1)} µs per message`);
for (const [name, us] of rows) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / rounds / n).toFixed(2).padStart(6)} µs  ${name}`);
