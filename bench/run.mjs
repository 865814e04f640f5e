#!/usr/bin/env node
// `npm run bench`: builds the static site if needed, serves it, and runs the engine
// benchmarks in Debian's Chromium. Every figure is measured in alternating rounds against a
// baseline in the same run and reported as the median ratio with its min–max; see
// bench/figureStats.mjs for verdicts and the spread flag.
//
//   --only=kv,messaging      subsets (toolchain, jsBuild, edit, kv, messaging, replay, ranges, hostCall, print, p3, diagram, flood, floodConsole, floodTrace, floodHeap, shareLink, nats)
//   --rounds=N               rounds per figure (default 5; fewer are flagged)
//   --json=out.json          write every figure (summary + raw samples) for a later --compare
//   --compare=old.json       print each figure's change against an earlier --json run
//   --flood=N                messages of the flood bench (default 100000)
//   --examples=a,b           edit bench: only these example ids (default: every single-guest WAT example)
//   --build                  rebuild the site first
import { spawn, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { compareRuns, formatSummary, median, summarize } from './figureStats.mjs';
import { startBenchNats } from './natsBenchServer.mjs';
import { measureCpu } from './cpuTime.mjs';
import { previewEnv } from './abSites.mjs';
import { floodHeapBench } from './floodHeap.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(process.env.BENCH_PORT ?? 4399);
const rounds = Number(arg('rounds') ?? 5);
const only = arg('only');
const floodN = Number(arg('flood') ?? 100_000);
/** The flood figures' ids by the panel open during the flood. */
const floodIds = { diagram: 'flood', console: 'floodConsole', trace: 'floodTrace' };
const want = (name) => !only || only.split(',').includes(name);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (!existsSync('dist/bench/index.html') || process.argv.includes('--build')) execSync('npx vite build', { stdio: 'inherit' });

// Cross-origin isolated (vite.config.ts): 5 µs timers in the page and its workers.
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true, env: previewEnv() });
const url = `http://localhost:${port}/bench/index.html`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
/** Rejects when a page-side measurement has not settled in `ms` (a hung build must not hang the bench). */
const within = (promise, ms, what) => {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms)));
  // Cleared once settled: a pending timer would keep the process alive for `ms` after the run.
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
const summaries = [];
/** Whether the engine benches' page was cross-origin isolated (its timer resolution). */
let isolated;
const report = (figures) => {
  for (const fig of figures) {
    const s = summarize(fig);
    summaries.push(s);
    console.log(`\n# ${s.title}`);
    for (const line of formatSummary(s)) console.log(line);
  }
};
console.log(`bench: ${rounds} alternating rounds per figure; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);

try {
  if (want('toolchain')) {
    // Fresh contexts: time from navigation to a ready toolchain, against the same page's
    // load event (the page alone, without the build worker).
    const ready = [];
    const load = [];
    for (let i = 0; i < rounds; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      load.push(Date.now() - t0);
      await page.evaluate(() => window.wcpEngine.ready);
      ready.push(Date.now() - t0);
      await ctx.close();
    }
    const files = readdirSync('dist/assets').filter((f) => /buildWorker|wasm-tools|js-component-bindgen/.test(f));
    const raw = files.reduce((n, f) => n + readFileSync(`dist/assets/${f}`).length, 0);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`)).length, 0);
    report([{ id: 'toolchain.cold', title: 'Toolchain cold load: navigation to a ready build worker in a fresh context, vs the page load event', unit: 'ms', guest: ready, baseline: load, baselineName: 'page load', ratio: 'guest/baseline', notes: { files: files.length, rawMB: raw / 1e6, gzipMB: gz / 1e6 } }]);
  }
  if (want('jsBuild')) {
    // Each round: a fresh context (cold: nothing cached) and then a new page in the same
    // context (a returning visit: whatever the site cached in the first page is there).
    const cold = { wat: [], first: [], rebuild: [], firstT: [], rebuildT: [], savedMs: [] };
    const back = { wat: [], first: [], firstT: [] };
    const warmed = { wat: [], first: [], firstT: [] };
    const WARM_IDLE_MS = 5000;
    for (let i = 0; i < rounds; i++) {
      const ctx = await browser.newContext();
      const p1 = await ctx.newPage();
      await p1.goto(url);
      const a = await within(p1.evaluate(() => window.wcpEngine.bench.jsBuild()), 600_000, `jsBuild round ${i + 1}, cold page`);
      cold.wat.push(a.watMs);
      cold.first.push(a.firstMs);
      cold.rebuild.push(a.rebuildMs);
      cold.firstT.push(a.firstTimings);
      cold.rebuildT.push(a.rebuildTimings);
      // A visit ends once what it keeps for the next one is written (the console says so
      // meanwhile): a page closed earlier loses it, see src/toolchain/js/trackCacheWrites.ts.
      const savedMs = await p1.evaluate(async () => {
        const t = performance.now();
        await window.wcpEngine.savedForNextVisit();
        return performance.now() - t;
      });
      cold.savedMs.push(savedMs);
      await p1.close();
      const p2 = await ctx.newPage();
      await p2.goto(url);
      const b = await within(p2.evaluate(() => window.wcpEngine.bench.jsBuild()), 600_000, `jsBuild round ${i + 1}, returning page`);
      back.wat.push(b.watMs);
      back.first.push(b.firstMs);
      back.firstT.push(b.firstTimings);
      await p2.evaluate(() => window.wcpEngine.savedForNextVisit());
      await p2.close();
      // A returning visit as the app runs it: the page sends its JS warm-up once loaded
      // (web/component/useJsWarmup.ts: splice + one engine initialisation over a stand-in),
      // and the visitor presses Run a few seconds later.
      const p3 = await ctx.newPage();
      await p3.goto(url);
      const w = await within(p3.evaluate(async (idleMs) => {
        const e = window.wcpEngine;
        await e.ready;
        e.warm(e.exampleGuests('js-kv-counter')[0].wit, { initialize: true });
        await new Promise((r) => setTimeout(r, idleMs));
        return e.bench.jsBuild();
      }, WARM_IDLE_MS), 600_000, `jsBuild round ${i + 1}, returning page after the warm-up`);
      warmed.wat.push(w.watMs);
      warmed.first.push(w.firstMs);
      warmed.firstT.push(w.firstTimings);
      await ctx.close();
    }
    // Stage timings (artifact.timings, ms): the median per key over the rounds, as notes.
    const stageMedians = (list) => {
      const keys = [...new Set(list.flatMap((t) => Object.keys(t)))].sort();
      return Object.fromEntries(keys.map((k) => [k, Math.round(median(list.map((t) => t[k] ?? 0)))]));
    };
    const base = { unit: 'ms', baselineName: 'WAT build', ratio: 'guest/baseline' };
    report([
      { ...base, id: 'jsBuild.cold', title: 'First JS build on a cold page (fresh context), vs a WAT build in the same page', guest: cold.first, baseline: cold.wat, absGoal: { op: '<', value: 5000 }, notes: stageMedians(cold.firstT) },
      { ...base, id: 'jsBuild.returning', title: 'First JS build on a returning visit (new page, same context, after the first page kept its caches), vs a WAT build in the same page', guest: back.first, baseline: back.wat, absGoal: { op: '<', value: 1500 }, notes: { ...stageMedians(back.firstT), 'firstVisit:savingAfterRebuildsMs': Math.round(median(cold.savedMs)) } },
      { ...base, id: 'jsBuild.returningWarm', title: `First JS build on a returning visit ${WARM_IDLE_MS / 1000} s after the page loaded (the app's warm-up ran), vs a WAT build in the same page`, guest: warmed.first, baseline: warmed.wat, absGoal: { op: '<', value: 1500 }, notes: stageMedians(warmed.firstT) },
      { ...base, id: 'jsBuild.rebuild', title: 'JS rebuild after a JS-only edit (median of 3 per round), vs a WAT build in the same page', guest: cold.rebuild, baseline: cold.wat, absGoal: { op: '<', value: 300 }, notes: stageMedians(cold.rebuildT) },
    ]);
  }
  const engineBenches = ['edit', 'kv', 'messaging', 'replay', 'ranges', 'hostCall', 'print', 'p3'].filter(want);
  if (engineBenches.length) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.evaluate(() => window.wcpEngine.ready);
    isolated = await page.evaluate(() => crossOriginIsolated);
    console.log(`\nbench page cross-origin isolated: ${isolated} (timer resolution ${isolated ? '5 µs' : '100 µs'})`);
    const editExamples = arg('examples')?.split(',');
    // CPU figures first: once `ranges` has seeded 100,000 keys in this profile, the storage
    // backend keeps working on them in the background, which counted as per-message "other"
    // CPU (141 µs of messaging.cpu's guest side at stop 26, 35 µs in a fresh page).
    if (want('messaging')) report([await cpuPerMessage(page, 2000)]);
    if (want('kv')) report([await cpuPerKvOp(page, 200)]);
    for (const name of engineBenches) report(await page.evaluate(([n, r, ex]) => (n === 'edit' ? window.wcpEngine.bench.edit(r, ex) : window.wcpEngine.bench[n](r)), [name, rounds, editExamples]));
    await page.close();
  }
  if (want('nats')) {
    // Its own nats-server on BENCH_NATS_PORT (client) and +1 (WebSocket); skipped with the
    // install hint when the binary is missing.
    const natsPort = Number(process.env.BENCH_NATS_PORT ?? port - 2);
    const nats = await startBenchNats(natsPort, natsPort + 1);
    if (nats.skipped) console.log(`\n# NATS figures skipped: ${nats.skipped}`);
    else {
      const page = await browser.newPage();
      try {
        await page.goto(url);
        await page.evaluate(() => window.wcpEngine.ready);
        report(await within(page.evaluate(([r, ws]) => window.wcpEngine.bench.nats(r, ws), [rounds, nats.ws]), 900_000, 'nats bench'));
      } finally {
        await page.close();
        await nats.stop();
      }
    }
  }
  if (want('diagram') || want('flood') || want('floodConsole') || want('shareLink')) {
    // Separate page: the engine harness has no UI; this one renders the Diagram panel alone.
    const dpage = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await dpage.goto(url.replace('/bench/index.html', '/bench/diagram.html'));
    await dpage.waitForFunction(() => typeof window.wcpDiagramBench === 'function');
    if (want('diagram')) report(await dpage.evaluate((r) => window.wcpDiagramBench({ ms: 2000, rate: 500, prefill: 10000, rounds: r }), rounds));
    if (want('flood')) report(await floodBench(dpage));
    if (want('shareLink')) report(await shareLinkBench(dpage));
    await dpage.close();
  }
  for (const panel of ['console', 'trace']) {
    if (!want(floodIds[panel])) continue;
    // Its own page: that panel instead of the Diagram (bench/benchFlood.ts ?panel=…).
    const cpage = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await cpage.goto(url.replace('/bench/index.html', `/bench/diagram.html?panel=${panel}`));
    await cpage.waitForFunction(() => typeof window.wcpFlood === 'object');
    report(await floodBench(cpage, panel));
    await cpage.close();
  }
  // What each panel's page holds after a flood (fresh pages per side: bench/floodHeap.mjs).
  if (want('floodHeap')) {
    for (const panel of ['diagram', 'console', 'trace']) {
      const pageUrl = url.replace('/bench/index.html', `/bench/diagram.html${panel === 'diagram' ? '' : `?panel=${panel}`}`);
      report([await floodHeapBench(browser, pageUrl, { id: floodIds[panel], panel, n: floodN, rounds })]);
    }
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {
    // The server already exited (for example the port was taken by another preview).
  }
}

/**
 * CPU time per message of a flood, guest path vs raw BroadcastChannel, in alternating rounds
 * (bench/cpuTime.mjs sums every thread's task time from Chrome's trace). Wall-clock
 * throughput on a shared machine measures how much of the cores the bench got; CPU time per
 * message measures the work, so this ratio holds when the load moves. Marginal: each round
 * floods `n` and `3n` messages and divides the difference by `2n`, so starting workers and
 * instantiating guests (fixed costs of any run) do not count as per-message work.
 */
async function cpuPerMessage(page, n) {
  await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
  const sides = { guest: [], baseline: [] };
  const groups = { guest: [], baseline: [] };
  const flood = (side, k) => measureCpu(browser, page, () => page.evaluate(([s, m]) => window.wcpEngine.floodProbe[s](m), [side === 'guest' ? 'guest' : 'raw', k]));
  const one = async (side) => {
    const small = await flood(side, n);
    const large = await flood(side, 3 * n);
    sides[side].push(((large.total - small.total) * 1000) / (2 * n));
    groups[side].push(Object.fromEntries(Object.keys(large.groups).map((k) => [k, ((large.groups[k] - small.groups[k]) * 1000) / (2 * n)])));
  };
  await one('guest');
  await one('baseline');
  for (const list of [sides.guest, sides.baseline, groups.guest, groups.baseline]) list.length = 0;
  for (let i = 0; i < rounds; i++) for (const side of i % 2 ? ['baseline', 'guest'] : ['guest', 'baseline']) await one(side);
  const split = (side) => Object.fromEntries(['workers', 'page', 'browser', 'other'].map((k) => [`${side}${k[0].toUpperCase()}${k.slice(1)}UsPerMsg`, Math.round(median(groups[side].map((g) => g[k])))]));
  return {
    id: 'messaging.cpu',
    title: `CPU time per message (marginal, floods of ${n} and ${3 * n}; all threads: workers, page, browser process): guest → host → BroadcastChannel → host → guest vs raw BroadcastChannel between two workers`,
    unit: 'µs/msg',
    baselineName: 'raw BroadcastChannel',
    ratio: 'guest/baseline',
    guest: sides.guest,
    baseline: sides.baseline,
    notes: { ...split('guest'), ...split('baseline') },
  };
}

/**
 * CPU time per key-value op (marginal over runs of n and 3n sets + gets, every thread from
 * Chrome's trace): guest → host → IndexedDB vs idb-keyval in a worker, alternating rounds.
 * Wall-clock ops/s on a shared machine swings with the load (kv.ops: a 0.39–1.13 spread at
 * load 4); CPU per op barely moves, and its split shows where the work is: the workers
 * (guest, bindings, host, IndexedDB client) versus `other` (the storage backend's threads
 * and V8's background GC and compiler threads).
 */
async function cpuPerKvOp(page, n) {
  await page.evaluate(() => window.wcpEngine.kvProbe.prepare());
  const sides = { guest: [], baseline: [] };
  const groups = { guest: [], baseline: [] };
  const run = (side, k) => measureCpu(browser, page, () => page.evaluate(([s, m]) => window.wcpEngine.kvProbe[s](m), [side === 'guest' ? 'guest' : 'raw', k]));
  // 2 ops (a set and a get) per unit of n: the marginal run does 4n more ops.
  const one = async (side) => {
    const small = await run(side, n);
    const large = await run(side, 3 * n);
    sides[side].push(((large.total - small.total) * 1000) / (4 * n));
    groups[side].push(Object.fromEntries(Object.keys(large.groups).map((k) => [k, ((large.groups[k] - small.groups[k]) * 1000) / (4 * n)])));
  };
  await one('guest');
  await one('baseline');
  for (const list of [sides.guest, sides.baseline, groups.guest, groups.baseline]) list.length = 0;
  for (let i = 0; i < rounds; i++) for (const side of i % 2 ? ['baseline', 'guest'] : ['guest', 'baseline']) await one(side);
  const split = (side) => Object.fromEntries(['workers', 'page', 'browser', 'other'].map((k) => [`${side}${k[0].toUpperCase()}${k.slice(1)}UsPerOp`, Math.round(median(groups[side].map((g) => g[k])))]));
  return {
    id: 'kv.cpu',
    title: `CPU time per key-value op (marginal, ${n} and ${3 * n} set + get; all threads): guest → host → IndexedDB vs idb-keyval in a worker`,
    unit: 'µs/op',
    baselineName: 'idb-keyval (worker)',
    ratio: 'guest/baseline',
    guest: sides.guest,
    baseline: sides.baseline,
    notes: { ...split('guest'), ...split('baseline') },
  };
}

/**
 * A guest flooding `floodN` messages to a handler with the Diagram panel (or the Console or Trace) and the trace
 * store live, against the same page idle for as long: long tasks, worst frame gap and a
 * click's latency (Playwright clicks a button; the page measures click → next frame).
 */
async function floodBench(page, panel = 'diagram') {
  const id = floodIds[panel];
  const panelName = { diagram: 'Diagram panel', console: 'Console panel (a line per delivered message)', trace: 'Trace table' }[panel];
  await page.evaluate(() => window.wcpFlood.prepare());
  const g = { longest: [], gap: [], click: [], tasks: [], rate: [] };
  const b = { longest: [], gap: [], click: [], tasks: [] };
  const side = async (flood, out) => {
    const started = await page.evaluate(([f, n]) => window.wcpFlood.start(f ? n : 0), [flood, floodN]);
    const clicks = [];
    // Clicks land while the flood runs (one every 500 ms until it is over); idle: a fixed number.
    while (flood ? !(await page.evaluate(() => window.wcpFlood.done())) : clicks.length < started.idleClicks) {
      await page.click('#flood-probe');
      await page.waitForFunction(() => window.wcpFlood.lastClickMs() >= 0, undefined, { timeout: 60_000 });
      clicks.push(await page.evaluate(() => window.wcpFlood.lastClickMs()));
      await page.waitForTimeout(500);
    }
    const r = await page.evaluate(() => window.wcpFlood.stop());
    out.longest.push(r.longestTaskMs);
    out.gap.push(r.worstFrameGapMs);
    out.tasks.push(r.longTasks);
    out.click.push(median(clicks));
    if (flood) g.rate.push(r.msgPerSec);
    return r;
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      await side(true, g);
      await side(false, b);
    } else {
      await side(false, b);
      await side(true, g);
    }
  }
  const base = { unit: 'ms', baselineName: 'idle page', ratio: 'guest/baseline' };
  const notes = { messages: floodN, msgPerSec: median(g.rate), longTasksFlood: median(g.tasks), longTasksIdle: median(b.tasks) };
  return [
    { ...base, id: `${id}.longestTask`, title: `Flood of ${floodN} messages with the ${panelName} open: longest main-thread task, vs the idle page`, guest: g.longest, baseline: b.longest, absGoal: { op: '<=', value: 50 }, notes },
    { ...base, id: `${id}.worstFrameGap`, title: `Flood of ${floodN} messages (${panel}): worst frame gap, vs the idle page`, guest: g.gap, baseline: b.gap, absGoal: { op: '<', value: 100 } },
    { ...base, id: `${id}.click`, title: `Flood of ${floodN} messages (${panel}): click → next frame (median per round), vs the idle page`, guest: g.click, baseline: b.click, absGoal: { op: '<', value: 100 } },
  ];
}

/**
 * Opening a ~1.9 MB share link: the longest main-thread task while the app decodes it
 * (in a worker), against the same page idle; notes keep what the on-page decode took.
 */
async function shareLinkBench(page) {
  const g = { longest: [], decode: [], onPage: [] };
  const idle = [];
  let chars = 0;
  for (let i = 0; i < rounds; i++) {
    const r = await within(page.evaluate(([k, idleFirst, ms]) => window.wcpShareLink(1_900_000, k, idleFirst, ms), [i, i % 2 === 1, Math.max(1000, median(g.decode) || 0)]), 300_000, 'share link bench');
    g.longest.push(r.longestTaskMs);
    g.decode.push(r.decodeMs);
    g.onPage.push(r.onPageMs);
    idle.push(r.idleLongestTaskMs);
    chars = r.linkChars;
  }
  const notes = { linkChars: chars, decodeMs: median(g.decode), onPageDecodeMs: median(g.onPage) };
  return [{ unit: 'ms', baselineName: 'idle page', ratio: 'guest/baseline', id: 'shareLink.longestTask', title: `Opening a ${(chars / 1e6).toFixed(1)} MB share link: longest main-thread task while it is decoded, vs the idle page`, guest: g.longest, baseline: idle, absGoal: { op: '<=', value: 50 }, notes }];
}

const jsonOut = arg('json');
const run = { date: new Date().toISOString(), rounds, loadavg: loadavg(), cores: cpus().length, crossOriginIsolated: isolated, figures: summaries };
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify(run, null, 2));
  console.log(`\nwrote ${jsonOut}`);
}
const compareWith = arg('compare');
if (compareWith) {
  console.log(`\n# Compared with ${compareWith} (a change counts only when the min–max ranges do not overlap)`);
  for (const line of compareRuns(JSON.parse(readFileSync(compareWith, 'utf8')), run)) console.log(line);
}
