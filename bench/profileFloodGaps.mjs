#!/usr/bin/env node
// Where a flood's frame gaps come from (bench/benchFlood.ts's worstFrameGap): a Chrome trace
// of one flood with every gap between animation frames over --gap ms stamped in the page
// (`performance.measure`), and for the worst gaps what each thread did inside them: the
// page's main thread (top-level tasks, wall and CPU, and what the longest were made of; GCs),
// the compositor, the display compositor (Viz) and the workers, and all threads' CPU against
// the two cores' wall time. Not a figure; a tool to tell waiting from work.
//
//   BENCH_PORT=4336 node bench/profileFloodGaps.mjs [--panel=console|diagram] [--flood=20000] [--gap=50] [--out=trace.json] [--dist=dir] [--top=6]
//   node bench/profileFloodGaps.mjs --in=trace.json   (analyses a saved trace again)
import { readFileSync, writeFileSync } from 'node:fs';
import { arg, openFloodPage } from './openFloodPage.mjs';
import { pageMainThread, sliceName, threadNames, topLevelSlices } from './readChromeTrace.mjs';

const panel = arg('panel') ?? 'diagram';
const n = Number(arg('flood') ?? 20_000);
const minGap = Number(arg('gap') ?? 50);
if (arg('in')) analyse(JSON.parse(readFileSync(arg('in'), 'utf8')));
else await profile();

async function profile() {
  const { browser, page, close } = await openFloodPage(panel);
  try {
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8', 'blink.user_timing', 'benchmark', 'viz', 'blink_gc', 'disabled-by-default-cppgc', '__metadata'] });
    // A frame watcher of its own beside the bench's: stamps every gap over minGap.
    await page.evaluate((g) => {
      let last = performance.now();
      const tick = (t) => {
        if (t - last > g) performance.measure(`gap ${(t - last).toFixed(0)}`, { start: last, end: t });
        last = t;
        if (!window.stopGaps) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, minGap);
    await page.evaluate((k) => window.wcpFlood.start(k), n);
    await page.waitForFunction(() => window.wcpFlood.done(), undefined, { timeout: 600_000, polling: 500 });
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => {
      window.stopGaps = true;
      return window.wcpFlood.stop();
    });
    const buffer = await browser.stopTracing();
    if (arg('out')) writeFileSync(arg('out'), buffer);
    console.log(`${panel} flood of ${n}:`, JSON.stringify(r));
    analyse(JSON.parse(buffer.toString('utf8')));
  } finally {
    await close();
  }
}

function analyse(parsed) {
  const events = parsed.traceEvents ?? parsed;
  const names = threadNames(events);
  const byThread = new Map();
  for (const e of events) if (e.ph === 'X') (byThread.get(`${e.pid}:${e.tid}`) ?? byThread.set(`${e.pid}:${e.tid}`, []).get(`${e.pid}:${e.tid}`)).push(e);
  for (const list of byThread.values()) list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const main = pageMainThread(events, names);
  const mainPid = main.split(':')[0];
  const tops = new Map([...byThread].map(([k, l]) => [k, topLevelSlices(l)]));
  // Async begin/end pairs share one id; gaps never overlap, so the i-th begin ends at the i-th end.
  const marks = (ph) => events.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('gap ') && e.ph === ph).sort((a, b) => a.ts - b.ts);
  const ends = marks('e');
  const windows = marks('b').map((g, i) => ({ ms: Number(g.name.slice(4)), ts: g.ts, end: ends[i]?.ts ?? g.ts + Number(g.name.slice(4)) * 1000 }));
  const all = windows.map((w) => w.ms).sort((a, b) => b - a);
  console.log(`gaps over ${minGap} ms: ${all.length}: ${all.slice(0, 20).join(', ')}`);
  const t0 = tops.get(main)[0]?.ts ?? 0;
  const clip = (e, w) => Math.max(0, Math.min(e.ts + e.dur, w.end) - Math.max(e.ts, w.ts));
  const cpuIn = (e, w) => (e.dur ? ((e.tdur ?? 0) * clip(e, w)) / e.dur : 0);
  for (const w of [...windows].sort((a, b) => b.ms - a.ms).slice(0, Number(arg('top') ?? 6))) {
    console.log(`\n== gap ${w.ms} ms at ${((w.ts - t0) / 1000).toFixed(0)} ms`);
    const rows = [];
    let cpuAll = 0;
    for (const [k, list] of tops) {
      const inside = list.filter((e) => clip(e, w) > 0);
      if (!inside.length) continue;
      const wall = inside.reduce((s, e) => s + clip(e, w), 0) / 1000;
      const cpu = inside.reduce((s, e) => s + cpuIn(e, w), 0) / 1000;
      cpuAll += cpu;
      const name = `${names.get(k) ?? '?'}${k.split(':')[0] === mainPid ? '' : `@${k.split(':')[0]}`}`;
      if (wall >= 2) rows.push({ name, wall, cpu, n: inside.length, k });
    }
    rows.sort((a, b) => b.wall - a.wall);
    for (const r of rows.slice(0, 10)) console.log(`  ${r.name.padEnd(34)} busy ${r.wall.toFixed(1).padStart(6)} ms  cpu ${r.cpu.toFixed(1).padStart(6)} ms  (${r.n} slices)`);
    console.log(`  all threads: cpu ${cpuAll.toFixed(0)} ms of ${((2 * (w.end - w.ts)) / 1000).toFixed(0)} core-ms`);
    const mainTasks = tops.get(main).filter((e) => clip(e, w) > 0).sort((a, b) => b.dur - a.dur).slice(0, 4);
    for (const t of mainTasks) {
      const inner = byThread.get(main).filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 1500 && !/RunTask|ThreadController|mojo|OnHandleReady/.test(e.name));
      const label = (e) => `${sliceName(e)} ${(e.dur / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)}`;
      console.log(`  main task ${(t.dur / 1000).toFixed(1)} ms wall / ${((t.tdur ?? 0) / 1000).toFixed(1)} cpu at +${((t.ts - w.ts) / 1000).toFixed(0)}: ${inner.slice(0, 10).map(label).join(', ')}`);
    }
  }
}
