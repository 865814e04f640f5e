// Per-segment stamps of paced bursts (floodProbe.stamps, bench/burstStamps.ts) of built sites in
// alternating rounds; the per-hop `probe` segments need a build with the latency probe patch.
//   AB_PORT=4630 node bench/abStamps.mjs 5 probe=/tmp/site-probe [other=/tmp/site-b]
import { inRoundOrder, launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const sites = sitesFrom(process.argv.slice(3), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
const out = {};
try {
  const pages = await openEnginePages(browser, sites, async (page) => {
    await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
    await page.evaluate(() => window.wcpEngine.floodProbe.stamps());
  });
  for (let r = 0; r < rounds; r++) {
    for (const v of inRoundOrder(sites, r)) {
      const s = await pages.get(v.name).evaluate(() => window.wcpEngine.floodProbe.stamps());
      (out[v.name] ??= []).push(s);
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `${med(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;
for (const [name, runs] of Object.entries(out)) {
  console.log(`\n== ${name}: mean ms per position in the burst, median over ${runs.length} rounds (min–max)`);
  const rows = { latency: (s) => s.latency, rawLatency: (s) => s.raw, call: (s) => s.call, ...Object.fromEntries(Object.keys(runs[0].probe ?? {}).map((k) => [k, (s) => s.probe[k]])) };
  for (const [label, get] of Object.entries(rows)) {
    const cells = [0, 1, 2, 3].map((k) => {
      const xs = runs.map((s) => get(s)?.[k]?.mean).filter((x) => x !== undefined);
      return xs.length ? fmt(xs) : '-';
    });
    console.log(`  ${label.padEnd(34)} ${cells.map((c) => c.padEnd(24)).join('')}`);
  }
  if (runs[0].p50) console.log(`  p50 guest ${fmt(runs.map((s) => s.p50.guest))}  raw ${fmt(runs.map((s) => s.p50.raw))}`);
}
