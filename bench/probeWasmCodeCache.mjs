// Probe: does a returning page get V8's wasm code cache for the JS toolchain's modules?
// One fresh context; pages 1..N each run window.wcpEngine.bench.jsBuild(), each traced
// (Chrome trace, v8.wasm categories); prints the first-build timings and the wasm cache events
// (wasm.SetUrl names what each streaming compile is keyed on; v8.wasm.cachedModule = a cache
// written). AB_PORT (default 4455) serves the dist; JS_FLAGS passes --js-flags (probes only).
//   node bench/probeWasmCodeCache.mjs <dist> [pages=3] [idleMsBeforeClose=0]
// Chromium 150, 2026-12-02: a streaming compile of a Cache Storage entry put as
// `new Response(bytes)` gets url '' (nothing to key a cache on); the toolchain's own wasm
// fetched over HTTP had a cache written on page 1 (js-component-bindgen, 1.4 MB) but none read
// on page 2 under `vite preview`, which serves Cache-Control: no-cache (revalidated each load).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { serveSites } from './abSites.mjs';
const [dir, pagesArg, idleArg] = process.argv.slice(2);
const pages = Number(pagesArg ?? 3);
const idleMs = Number(idleArg ?? 0);
const port = Number(process.env.AB_PORT ?? 4455);
const stop = await serveSites([{ name: 'x', dir, port }], '/bench/index.html');
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (process.env.JS_FLAGS) args.push(`--js-flags=${process.env.JS_FLAGS}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const categories = ['v8.wasm', 'disabled-by-default-v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-devtools.timeline', 'devtools.timeline'];
try {
  const ctx = await browser.newContext();
  for (let i = 0; i < pages; i++) {
    const p = await ctx.newPage();
    const file = `/tmp/jsb-probe/trace-${i}.json`;
    await browser.startTracing(p, { path: file, categories });
    await p.goto(`http://localhost:${port}/bench/index.html`);
    const r = await p.evaluate(() => window.wcpEngine.bench.jsBuild());
    if (idleMs) await p.waitForTimeout(idleMs);
    await browser.stopTracing();
    await p.close();
    const t = Object.fromEntries(Object.entries(r.firstTimings).filter(([k]) => /stage:|js:/.test(k)).map(([k, v]) => [k, Math.round(v)]));
    console.log(`page ${i + 1}: first ${Math.round(r.firstMs)} ms, rebuild ${Math.round(r.rebuildMs)} ms`, JSON.stringify(t));
    const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents ?? [];
    const names = new Map();
    for (const e of events) if (/cache|serializ|deserializ|Cache/i.test(e.name) && /wasm/i.test(e.cat + e.name)) {
      const k = e.name;
      const n = names.get(k) ?? { n: 0, dur: 0, args: [] };
      n.n++;
      n.dur += (e.dur ?? 0) / 1000;
      if (n.args.length < 3) n.args.push(JSON.stringify(e.args).slice(0, 160));
      names.set(k, n);
    }
    for (const [k, v] of names) console.log(`  ${k} x${v.n} ${v.dur.toFixed(1)} ms ${v.args.join(' | ')}`);
  }
  await ctx.close();
} finally {
  await browser.close();
  stop();
}
