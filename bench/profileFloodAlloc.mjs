#!/usr/bin/env node
// What the page's main thread allocates during a flood (bench/benchFlood.ts): V8's sampling
// heap profiler, counting objects the minor and major GCs collected too, so the figure is
// bytes allocated (what makes scavenges happen), not bytes kept. Prints the top allocating
// functions by self size. A tool, not a figure: under a flood the main thread's long tasks
// were minor GCs waiting for V8's helper threads (bench/HISTORY.md, "Flood, fourth pass").
//
//   BENCH_PORT=4336 node bench/profileFloodAlloc.mjs [--panel=console|diagram] [--flood=10000] [--dist=dir]
import { arg, openFloodPage } from './openFloodPage.mjs';

const panel = arg('panel') ?? 'diagram';
const n = Number(arg('flood') ?? 10_000);
const { page, close } = await openFloodPage(panel);
try {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await page.evaluate((k) => window.wcpFlood.start(k), n);
  await page.waitForFunction(() => window.wcpFlood.done(), undefined, { timeout: 600_000, polling: 500 });
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  console.log(`${panel} flood of ${n}:`, JSON.stringify(await page.evaluate(() => window.wcpFlood.stop())));
  const self = new Map();
  let total = 0;
  const walk = (node, path) => {
    const f = node.callFrame;
    const label = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(label, (self.get(label) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children) walk(c, [...path, label]);
  };
  walk(profile.head, []);
  console.log(`allocated (sampled) ${(total / 1e6).toFixed(1)} MB = ${(total / n).toFixed(0)} B per message; by function (self):`);
  for (const [l, b] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(b / 1e6).toFixed(2).padStart(7)} MB  ${l}`);
} finally {
  await close();
}
