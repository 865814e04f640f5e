#!/usr/bin/env node
// Where the page's main thread goes during a flood (bench/benchFlood.ts), from a Chrome
// trace with the V8 sampling profiler: every task over 50 ms with what it was made of, the
// main thread's time by trace event and by JS function. Not a figure (bench/run.mjs
// measures those); a tool to find what makes long tasks and frame gaps.
//
//   BENCH_PORT=4336 node bench/profileFlood.mjs [--panel=console|diagram] [--flood=10000] [--out=trace.json]
//
// Expects a built site (npx vite build) and serves it on BENCH_PORT.
import { writeFileSync } from 'node:fs';
import { arg, openFloodPage } from './openFloodPage.mjs';
import { pageMainThread, sliceName, slicesOf, topLevelSlices } from './readChromeTrace.mjs';

const panel = arg('panel') ?? 'console';
const n = Number(arg('flood') ?? 10_000);
const out = arg('out');
const { browser, page, close } = await openFloodPage(panel);
try {
  // The sampling profiler (--js) names JS functions but slows the page; without it the
  // figures are closer to the bench's.
  const js = process.argv.includes('--js') ? ['disabled-by-default-v8.cpu_profiler'] : [];
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', ...js, 'blink.user_timing', '__metadata'] });
  await page.evaluate((k) => window.wcpFlood.start(k), n);
  await page.waitForFunction(() => window.wcpFlood.done(), undefined, { timeout: 600_000, polling: 500 });
  const r = await page.evaluate(() => window.wcpFlood.stop());
  const buffer = await browser.stopTracing();
  if (out) writeFileSync(out, buffer);
  console.log(`${panel} flood of ${n}:`, JSON.stringify(r));
  analyse(JSON.parse(buffer.toString('utf8')));
} finally {
  await close();
}

function analyse(parsed) {
  const events = parsed.traceEvents ?? parsed;
  const main = pageMainThread(events);
  const mine = slicesOf(events, main);
  const tasks = topLevelSlices(mine);
  const long = tasks.filter((t) => t.dur > 50_000);
  const total = tasks.reduce((s, t) => s + t.dur, 0) / 1000;
  // Thread (CPU) time: on a shared machine wall time includes time the thread waited for a core.
  const cpu = tasks.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
  const cpuSorted = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => b - a);
  console.log(`main thread: ${tasks.length} tasks, ${total.toFixed(0)} ms busy (wall), ${long.length} over 50 ms (wall); CPU ${cpu.toFixed(0)} ms = ${((cpu * 1000) / n).toFixed(0)} µs per message; longest tasks by CPU: ${cpuSorted.slice(0, 8).map((x) => x.toFixed(0)).join(', ')} ms; ${cpuSorted.filter((x) => x > 16).length} over 16 ms CPU`);
  // Self time by event name (children subtracted), over all tasks and over the long ones.
  const selfTimes = (within, key = 'tdur') => {
    const self = new Map();
    const stack = [];
    for (const e of mine) {
      if (within && !within.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur)) continue;
      while (stack.length && e.ts >= stack[stack.length - 1].ts + stack[stack.length - 1].dur) stack.pop();
      const label = e.name === 'EventDispatch' ? `EventDispatch(${e.args?.data?.type})` : e.name === 'FunctionCall' ? `FunctionCall(${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || '?'})` : e.name;
      const d = e[key] ?? 0;
      if (stack.length) {
        const p = stack[stack.length - 1];
        self.set(p.label, (self.get(p.label) ?? 0) - d);
      }
      self.set(label, (self.get(label) ?? 0) + d);
      stack.push({ ts: e.ts, dur: e.dur, label });
    }
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `  ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  };
  console.log('self CPU time by trace event (all tasks):\n' + selfTimes());
  for (const t of long.slice(0, 8)) {
    const inner = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 2000 && !/RunTask|mojo|OnHandleReady/.test(e.name));
    console.log(`long task ${(t.dur / 1000).toFixed(0)} ms at ${((t.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ` + inner.slice(0, 12).map((e) => `${sliceName(e)} ${(e.dur / 1000).toFixed(1)}`).join(', '));
  }
  // JS time by function from the sampling profiler: self over the whole flood, and
  // inclusive (the function or anything it called) inside tasks over 50 ms only.
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === main).map((e) => `${e.pid}:${e.id}`));
  const nodes = new Map();
  const samples = [];
  const clock = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && profileIds.has(`${e.pid}:${e.id}`)) clock.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? 0);
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !profileIds.has(`${e.pid}:${e.id}`)) continue;
    const key = `${e.pid}:${e.id}`;
    const c = e.args?.data?.cpuProfile;
    for (const node of c?.nodes ?? []) nodes.set(`${key}:${node.id}`, { frame: node.callFrame, parent: node.parent === undefined ? undefined : `${key}:${node.parent}` });
    const ids = c?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    let t = clock.get(key) ?? 0;
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ node: `${key}:${ids[i]}`, t, us: deltas[i + 1] ?? deltas[i] ?? 0 });
    }
    clock.set(key, t);
  }
  const label = (f) => `${f.functionName || '(anon)'} ${f.url?.split('/').pop() ?? ''}:${(f.lineNumber ?? -1) + 1}`;
  const self = new Map();
  const inLong = new Map();
  let longTotal = 0;
  for (const s of samples) {
    const n = nodes.get(s.node);
    if (!n) continue;
    self.set(label(n.frame), (self.get(label(n.frame)) ?? 0) + s.us);
    if (!long.some((t) => s.t >= t.ts && s.t < t.ts + t.dur)) continue;
    longTotal += s.us;
    const seen = new Set();
    for (let k = s.node; k; k = nodes.get(k)?.parent) {
      const l = label(nodes.get(k).frame);
      if (seen.has(l)) continue;
      seen.add(l);
      inLong.set(l, (inLong.get(l) ?? 0) + s.us);
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, v]) => `  ${(v / 1000).toFixed(1).padStart(8)} ms  ${l}`).join('\n');
  console.log('JS self time by function (sampled, main thread):\n' + top(self, 25));
  console.log(`inclusive time inside tasks over 50 ms (${(longTotal / 1000).toFixed(0)} ms sampled):\n` + top(inLong, 40));
}
