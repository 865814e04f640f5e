// Per-thread CPU of one guest messaging flood (bench/benchMessaging.ts createFloodProbe) in
// alternating rounds over built sites, from Chrome's trace (thread time of top-level slices):
//   AB_PORT=4435 node bench/abMsgThreads.mjs 5 6000 before=/tmp/site-a after=/tmp/site-b
// Prints per round and per site (median, min–max): wall ms of the flood, CPU ms in total, of
// the two busiest workers (w1, w2: the flood's handler and producer, busiest first), of the other
// workers (spares loading) and of the page. Unlike msg/s and marginal CPU (msgCpu) it
// shows which side of the pipeline a change moved.
import { inRoundOrder, launchChromium, openEnginePages, serveSites, sitesFrom, warmFloodProbe } from './abSites.mjs';
import { cpuByThread } from './readChromeTrace.mjs';
const rounds = Number(process.argv[2]); const n = Number(process.argv[3]);
const sites = sitesFrom(process.argv.slice(4), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
try {
  const pages = await openEnginePages(browser, sites, warmFloodProbe(n));
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const page = pages.get(s.name);
      await browser.startTracing(page, { categories: ['toplevel', 'v8', '__metadata'] });
      const t0 = Date.now();
      await page.evaluate((k) => window.wcpEngine.floodProbe.guest(k), n);
      const wall = Date.now() - t0;
      const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
      const cpu = cpuByThread(events).map(([, nm, ms]) => [nm, ms]);
      const total = cpu.reduce((a, [, ms]) => a + ms, 0);
      const workers = cpu.filter(([nm]) => /^DedicatedWorker/.test(nm)).map(([, ms]) => ms).sort((a, b) => b - a);
      const page_ = cpu.filter(([nm]) => /^CrRendererMain/.test(nm)).map(([, ms]) => ms).sort((a, b) => b - a)[0];
      const row = { wall, total, w1: workers[0], w2: workers[1], wrest: workers.slice(2).reduce((a, b) => a + b, 0), page: page_ };
      for (const [k, v] of Object.entries(row)) ((res[s.name] ??= {})[k] ??= []).push(v);
      console.log(r, s.name, JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v)]))));
    }
  }
} finally { await browser.close(); stop(); }
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [name, o] of Object.entries(res)) console.log(name, Object.entries(o).map(([k, xs]) => `${k} ${med(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`).join('  '));
