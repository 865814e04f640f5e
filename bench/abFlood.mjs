// Flood figures (bench/benchFlood.ts) of two built sites in alternating rounds, so both see
// the same machine state (a shared machine's load moves more between runs than a change does):
//   npx vite build --outDir /tmp/site-a   (at the old commit; then at the new one to /tmp/site-b)
//   node bench/abFlood.mjs 5 diagram,console before=/tmp/site-a after=/tmp/site-b [--flood=10000]
// Ports AB_PORT, AB_PORT+1 (default 4752); OUT=file.json keeps every sample. Each round runs
// every panel once per site, the order flipped every round, clicking a probe button every
// 500 ms during the flood (as bench/run.mjs does). Prints per site and figure the median
// with min–max: longest main-thread task, worst frame gap, median click → next frame, msg/s.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { inRoundOrder, launchChromium, median as med, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const panels = process.argv[3].split(',');
const n = Number(process.argv.find((a) => a.startsWith('--flood='))?.slice(8) ?? 10_000);
const variants = sitesFrom(process.argv.slice(4), 4752);
const stopSites = await serveSites(variants, '/bench/diagram.html');
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
printLoad();
try {
  const pages = new Map();
  for (const v of variants) for (const panel of panels) {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.goto(`http://localhost:${v.port}/bench/diagram.html?panel=${panel}`);
    await page.waitForFunction(() => typeof window.wcpFlood === 'object');
    await page.evaluate(() => window.wcpFlood.prepare());
    pages.set(`${v.name}:${panel}`, page);
  }
  const one = async (v, panel) => {
    const page = pages.get(`${v.name}:${panel}`);
    await page.bringToFront();
    await page.evaluate((k) => window.wcpFlood.start(k), n);
    const clicks = [];
    while (!(await page.evaluate(() => window.wcpFlood.done()))) {
      await page.click('#flood-probe');
      await page.waitForFunction(() => window.wcpFlood.lastClickMs() >= 0, undefined, { timeout: 60_000 });
      clicks.push(await page.evaluate(() => window.wcpFlood.lastClickMs()));
      await page.waitForTimeout(500);
    }
    const r = await page.evaluate(() => window.wcpFlood.stop());
    record(v.name, `${panel}.longestTask`, r.longestTaskMs);
    record(v.name, `${panel}.worstFrameGap`, r.worstFrameGapMs);
    record(v.name, `${panel}.longTasks`, r.longTasks);
    record(v.name, `${panel}.click`, clicks.length ? med(clicks) : 0);
    record(v.name, `${panel}.msgPerSec`, r.msgPerSec);
  };
  for (let r = 0; r < rounds; r++) {
    for (const panel of panels) for (const v of inRoundOrder(variants, r)) await one(v, panel);
    console.log('round', r + 1, 'load', loadavg()[0].toFixed(1));
  }
} finally {
  await browser.close();
  stopSites();
}
printResults(res, variants, { format: (x) => x.toFixed(0), width: 22 });
printLoad();
writeFileSync(process.env.OUT ?? 'ab-flood.json', JSON.stringify(res, null, 1));
