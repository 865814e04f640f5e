#!/usr/bin/env node
// `npm run bench`: builds the static site if needed, serves it, and runs the engine
// benchmarks in Debian's Chromium. Every figure is printed next to a baseline measured in
// the same run (ratios), so results compare across machines.
import { spawn, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 4399);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (!existsSync('dist/bench/index.html') || process.argv.includes('--build')) execSync('npx vite build', { stdio: 'inherit' });

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const url = `http://localhost:${port}/bench/index.html`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 200));
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
const fmt = (x) => (typeof x === 'number' ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2)) : String(x));
const table = (rows) => rows.forEach((r) => console.log('  ' + Object.entries(r).map(([k, v]) => `${k}=${fmt(v)}`).join('  ')));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const titles = {
  messaging: 'Messaging: guest → host → BroadcastChannel → host → guest, 1,000 messages, against raw BroadcastChannel posts between two workers',
  replay: 'Offset replay of 10,000 messages: guest subscribe-from(0) + receive + data, against a raw IndexedDB cursor over the topic log (ratio = raw ms / guest ms)',
  ranges: 'Range scans over 100,000 keys: guest → keyvalue-range host → IndexedDB, against raw IndexedDB count/cursors (ratio = raw ms / guest ms)',
  p3: 'WASI 0.3 vs 0.2 key-value: 200 sets + 200 gets by an async-ABI guest (proposal:keyvalue-p3) against the 0.2 guest on the same store, alternating rounds (ratio = p3 ms / p2 ms: median, min, max)',
};
const want = (name) => !only || only.split(',').includes(name);

try {
  if (want('toolchain')) {
    const loads = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(url);
      const workerMs = await page.evaluate(() => window.wcpEngine.ready);
      loads.push({ workerLoadMs: workerMs, pageToReadyMs: Date.now() - t0 });
      await ctx.close();
    }
    const files = readdirSync('dist/assets').filter((f) => /buildWorker|wasm-tools|js-component-bindgen/.test(f));
    const raw = files.reduce((n, f) => n + readFileSync(`dist/assets/${f}`).length, 0);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`)).length, 0);
    console.log('\n# Toolchain cold load (5 fresh pages)');
    table(loads);
    console.log(`  bytes: ${(raw / 1e6).toFixed(2)} MB raw, ${(gz / 1e6).toFixed(2)} MB gzip over ${files.length} files`);
  }
  if (want('jsBuild')) {
    // A fresh context so the first JS build pays for fetching and splicing the engine.
    const ctx = await browser.newContext();
    const jsPage = await ctx.newPage();
    await jsPage.goto(url);
    const rows = await jsPage.evaluate(() => window.wcpEngine.bench.jsBuild());
    console.log('\n# JS guest builds in the browser (componentize-js), ratios against a WAT build in the same page (targets: first < 15 s, rebuild < 3 s)');
    table(rows);
    await ctx.close();
  }
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => window.wcpEngine.ready);
  if (want('edit')) {
    const r = await page.evaluate(() => window.wcpEngine.bench.editToRun(20));
    console.log(`\n# Edit-to-running latency, warm toolchain, median of 20 (target: running < 100 ms)\n  baseline: bare worker spawn round trip ${fmt(r.baselineWorkerRoundTripMs)} ms`);
    table(r.rows);
  }
  if (want('kv')) {
    const r = await page.evaluate(() => window.wcpEngine.bench.keyvalue(500));
    console.log('\n# Key-value ops/s: guest → host → IndexedDB vs idb-keyval direct in the same page (target ratio ≥ 0.7)');
    table([r]);
  }
  const extra = await page.evaluate(() => Object.keys(window.wcpEngine.bench).filter((k) => !['editToRun', 'keyvalue', 'jsBuild'].includes(k)));
  for (const name of extra) {
    if (!want(name)) continue;
    const r = await page.evaluate((n) => window.wcpEngine.bench[n](), name);
    console.log(`\n# ${titles[name] ?? name}`);
    table(Array.isArray(r) ? r : [r]);
  }
  if (want('diagram')) {
    // Separate page: the engine harness has no UI; this one renders the Diagram panel alone.
    const dpage = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await dpage.goto(url.replace('/bench/index.html', '/bench/diagram.html'));
    await dpage.waitForFunction(() => typeof window.wcpDiagramBench === 'function');
    const r = await dpage.evaluate(() => window.wcpDiagramBench({ ms: 3000, rate: 500, prefill: 10000 }));
    console.log('\n# Diagram + timeline frame times: 10,000 events held, 500 events/s streaming, 3 s (rAF deltas; ratio vs empty rAF loop, target p95 ratio < 1.5)');
    table([r]);
    await dpage.close();
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {
    // The server already exited (for example the port was taken by another preview).
  }
}
