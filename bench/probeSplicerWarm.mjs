// Probe driver: node bench/probeSplicerWarm.mjs [rounds=3] [variants=cold,standin0,standin20]
// Each round opens one fresh context per variant (alternating) and prints the splice times.
// Chromium 150, 2026-12-03, load 4-6 on 2 cores, 4 rounds, medians: the first splice of the
// real engine in a page 3.5 s (3.0-3.9) cold; 2.5 s (2.0-3.0) after splicing a stand-in with
// every 20th body kept (the stand-in's own splice 1.0-1.5 s), 2.7 s after one with every
// 100th; a second real splice 0.6-1.3 s. A CPU profile of the cold splice: the time is the
// splicer's parse (wasmparser operators into wirm's IR: Vec growth, realloc/dlmalloc) and
// re-encode of every function, not one hot spot. A warm-up splice during the download would
// save about what it costs on this machine (the download is ~1 s), so it was not built.
import { createServer } from 'vite';
import { chromium } from '@playwright/test';
const rounds = Number(process.argv[2] ?? 3);
const variants = (process.argv[3] ?? 'cold,standin0,standin20').split(',');
const port = Number(process.env.AB_PORT ?? 4456);
const server = await createServer({ root: new URL('..', import.meta.url).pathname, logLevel: 'error', server: { port, strictPort: true, hmr: false } });
await server.listen();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  // One warm-up context so Vite has transformed every module before timing.
  const warm = await browser.newContext();
  const wp = await warm.newPage();
  await wp.goto(`http://localhost:${port}/bench/probeSplicerWarm.html`);
  await wp.waitForFunction(() => typeof globalThis.probe === 'function');
  await warm.close();
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`http://localhost:${port}/bench/probeSplicerWarm.html`);
      await p.waitForFunction(() => typeof globalThis.probe === 'function');
      const out = await p.evaluate((x) => globalThis.probe(x), v);
      console.log(r, v.padEnd(10), JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, n]) => [k, Math.round(n)]))));
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
