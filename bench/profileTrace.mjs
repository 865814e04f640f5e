// Where a bench figure's CPU goes on the trace path: a Chrome trace with the V8 sampling
// profiler around window.wcpEngine.bench[figure](1) of a built site (best non-minified),
// JS self time by function in the busiest DedicatedWorker thread and in the page's main thread.
//   AB_PORT=4800 node bench/profileTrace.mjs 3 replay site=/tmp/site-prof
import { collectSelfTime } from './collectSelfTime.mjs';
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
      wTotal += collectSelfTime(events, worker, /^DedicatedWorker/);
      mTotal += collectSelfTime(events, main, /^CrRendererMain/);
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
