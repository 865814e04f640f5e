// Where a key-value run's worker CPU goes: a Chrome trace with the V8 sampling profiler
// around kvProbe.guest(n) and kvProbe.raw(n) (bench/benchKeyvalue.ts) of a built site (best
// non-minified), JS self time by function in the busiest DedicatedWorker thread of each.
//   AB_PORT=4630 node bench/profileKv.mjs 3 site=/tmp/site-prof [n=1000]
import { collectSelfTime } from './collectSelfTime.mjs';
import { launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const runs = Number(process.argv[2]);
const sites = sitesFrom(process.argv.slice(3).filter((a) => !a.startsWith('n=')), 4742);
const n = Number(process.argv.find((a) => a.startsWith('n='))?.slice(2) ?? 1000);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
try {
  const pages = await openEnginePages(browser, sites, (p) => p.evaluate(() => window.wcpEngine.kvProbe.prepare()));
  for (const v of sites) {
    const page = pages.get(v.name);
    for (const side of ['guest', 'raw']) {
      await page.evaluate(([s, k]) => window.wcpEngine.kvProbe[s](k), [side, n]);
      const self = new Map();
      let total = 0;
      for (let r = 0; r < runs; r++) {
        await browser.startTracing(page, { categories: ['toplevel', 'v8', 'disabled-by-default-v8.cpu_profiler', '__metadata'] });
        await page.evaluate(([s, k]) => window.wcpEngine.kvProbe[s](k), [side, n]);
        const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
        total += collectSelfTime(events, self, /^DedicatedWorker/);
      }
      console.log(`\n== ${v.name} ${side}: ${(total / 1000).toFixed(0)} ms sampled in the busiest worker over ${runs} runs of ${n}+${n} ops = ${(total / (runs * 2 * n)).toFixed(1)} µs/op; self µs per op:`);
      for (const [l, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`  ${(us / (runs * 2 * n)).toFixed(2).padStart(7)}  ${l}`);
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');
