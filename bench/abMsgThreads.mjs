// Per-thread CPU of one guest messaging flood (bench/benchMessaging.ts createFloodProbe) in
// alternating rounds over built sites, from Chrome's trace (thread time of top-level slices):
//   AB_PORT=4435 node bench/abMsgThreads.mjs 5 6000 before=/tmp/site-a after=/tmp/site-b
// Prints per round and per site (median, min–max): wall ms of the flood, CPU ms in total, of
// the two busiest workers (w1, w2: the flood's handler and producer, busiest first), of the other
// workers (spares loading) and of the page. Unlike msg/s and marginal CPU (msgCpu) it
// shows which side of the pipeline a change moved.
import { inRoundOrder, launchChromium, openEnginePages, serveSites, sitesFrom, warmFloodProbe } from './abSites.mjs';
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
      const names = new Map(); const by = new Map();
      for (const e of events) { if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? ''); else if (e.ph === 'X' && typeof e.tdur === 'number') { const k = `${e.pid}:${e.tid}`; (by.get(k) ?? by.set(k, []).get(k)).push(e); } }
      const cpu = [];
      let total = 0;
      for (const [k, list] of by) {
        const nm = names.get(k) ?? ''; if (/Perfetto|Tracing/i.test(nm)) continue;
        list.sort((a, b) => a.ts - b.ts || b.dur - a.dur); let end = -Infinity, ms = 0;
        for (const e of list) { if (e.ts < end) continue; end = e.ts + e.dur; ms += e.tdur / 1000; }
        total += ms; cpu.push([nm, ms]);
      }
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
