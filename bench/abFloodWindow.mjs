// CPU by thread group inside a guest flood's own window, in alternating rounds over built sites:
//   AB_PORT=4435 node bench/abFloodWindow.mjs 6 2000 before=/tmp/site-a after=/tmp/site-b
// The window runs from the producer's first post (its first structured clone) to the handler's
// last receipt (its last deserialization), as messaging.throughput's does from first send to
// last delivery. Inside it, the thread time (tdur) of every top-level slice, prorated where a
// slice straddles an edge, per group: handler and producer (the flood's two run workers),
// spares (other run workers loading), page, the renderer's thread pool split into Maglev,
// TurboFan, Sparkplug and GC/other (V8's compile jobs for the fresh workers' hot code), the
// browser process's main thread (BroadcastChannel routing, worker start-up) and thread pool
// (IndexedDB). Unlike abMsgThreads (a whole guestRun) it leaves out start-up before the flood.
import { inRoundOrder, launchChromium, openEnginePages, printLoad, printResults, serveSites, sitesFrom, warmFloodProbe } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const n = Number(process.argv[3]);
const sites = sitesFrom(process.argv.slice(4), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
printLoad();
try {
  const pages = await openEnginePages(browser, sites, warmFloodProbe(n));
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const page = pages.get(s.name);
      await browser.startTracing(page, { categories: ['toplevel', 'blink', 'v8', '__metadata'] });
      await page.evaluate((k) => window.wcpEngine.floodProbe.guest(k), n);
      const row = windowCpu(JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents);
      for (const [k, v] of Object.entries(row)) ((res[s.name] ??= {})[k] ??= []).push(v);
      console.log(r, s.name, JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v)]))));
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad();
printResults(res, sites, { format: (x) => x.toFixed(0) });

/** CPU ms per thread group inside the flood's window (see the top of the file). */
function windowCpu(events) {
  const pn = new Map();
  const tn = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') pn.set(e.pid, e.args?.name);
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') tn.set(`${e.pid}:${e.tid}`, `${pn.get(e.pid)}/${e.args?.name}`);
  const by = new Map();
  for (const e of events) if (e.ph === 'X') (by.get(`${e.pid}:${e.tid}`) ?? by.set(`${e.pid}:${e.tid}`, []).get(`${e.pid}:${e.tid}`)).push(e);
  const named = (k, name) => (by.get(k) ?? []).filter((e) => e.name === name);
  const workers = [...by.keys()].filter((k) => /DedicatedWorker/.test(tn.get(k) ?? ''));
  const [handler, received] = workers.map((k) => [k, named(k, 'SerializedScriptValueFactory::deserialize')]).sort((a, b) => b[1].length - a[1].length)[0];
  const [producer, posted] = workers.filter((k) => k !== handler).map((k) => [k, named(k, 'SerializedScriptValueFactory::create')]).sort((a, b) => b[1].length - a[1].length)[0];
  const start = Math.min(...posted.map((e) => e.ts));
  const end = Math.max(...received.map((e) => e.ts + e.dur));
  const groups = { windowMs: (end - start) / 1000 };
  const add = (group, ms) => (groups[group] = (groups[group] ?? 0) + ms);
  for (const [k, list] of by) {
    const name = tn.get(k) ?? k;
    if (/Perfetto|Tracing|DevTools/i.test(name)) continue;
    const group = k === handler ? 'handler' : k === producer ? 'producer' : /CrRendererMain/.test(name) ? 'page' : /^Renderer\/DedicatedWorker/.test(name) ? 'spares' : /^Renderer\/ThreadPool/.test(name) ? 'rPool' : /^Browser\/ThreadPool/.test(name) ? 'bPool' : /^Browser\/CrBrowserMain/.test(name) ? 'browser' : 'other';
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let until = -Infinity;
    for (const e of list) {
      if (e.ts < until || typeof e.tdur !== 'number') continue;
      until = e.ts + e.dur;
      const overlap = Math.min(end, e.ts + e.dur) - Math.max(start, e.ts);
      if (overlap <= 0) continue;
      const ms = (e.tdur * (e.dur > 0 ? overlap / e.dur : 1)) / 1000;
      add(group, ms);
      add('total', ms);
      if (group === 'rPool') {
        const from = JSON.stringify(e.args ?? {});
        add(/OptimizingCompile/.test(from) ? 'rPool.turbofan' : /Maglev/.test(from) ? 'rPool.maglev' : /Baseline/.test(from) ? 'rPool.sparkplug' : 'rPool.gcOther', ms);
      }
    }
  }
  return groups;
}

