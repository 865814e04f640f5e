// A guest printing N lines without yielding (one blocking-write-and-flush each) and returning,
// run in the app itself with the Console open, on two or more built sites in alternating rounds:
//   node bench/abPrintConsole.mjs 5 before=/tmp/site-a after=/tmp/site-b [--lines=50000]   (ports AB_PORT+; OUT=file.json)
// Per site the median with min–max of: the call's time in the run worker (the result line's
// "(… ms)"), and the wall time from the Run click until the result and every line are in the
// Console (build of an unchanged guest, the worker, the page's Console all included) — what a
// presenter waits. bench/benchPrint.ts measures the worker's part alone.
import { writeFileSync } from 'node:fs';
import { inRoundOrder, launchChromium, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';
import { printLinesGuest } from '../scripts/printLinesGuest.mjs';

const rounds = Number(process.argv[2]);
const lines = Number(process.argv.find((a) => a.startsWith('--lines='))?.slice(8) ?? 50_000);
const sites = sitesFrom(process.argv.slice(3), 4752);
const { wit, wat } = printLinesGuest(lines, { name: 'print-console' });

const stop = await serveSites(sites, '/');
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
printLoad();
try {
  const pages = new Map();
  for (const v of sites) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://localhost:${v.port}/`);
    await page.getByTestId('example-picker').selectOption('scratch');
    await page.getByTestId('settings').click();
    if (!(await page.getByTestId('plain-editor').isChecked())) await page.getByTestId('plain-editor').check();
    await page.getByTestId('settings').click();
    await page.getByTestId('wit-editor').locator('textarea').fill(wit);
    await page.getByTestId('guest-editor').locator('textarea').fill(wat);
    await page.getByTestId('time-limit').fill('120000');
    await page.getByTestId('tab-console').click();
    pages.set(v.name, page);
  }
  const one = async (v) => {
    const page = pages.get(v.name);
    await page.bringToFront();
    const t0 = Date.now();
    await page.getByTestId('run').click();
    // Every line (the count also holds the run's own lines: its result, notes) and the result.
    await page.waitForFunction(
      (n) => Number((document.querySelector('[data-testid="console-count"]')?.textContent ?? '').replace(/[^\d]/g, '')) >= n && /run\(\) → /.test(document.querySelector('[data-testid="console"]')?.textContent ?? ''),
      lines,
      { timeout: 120_000, polling: 10 },
    );
    const wall = Date.now() - t0;
    const text = await page.getByTestId('console').textContent();
    const [, value, unit] = /run\(\) → \S+\s+\(([\d.]+) (ms|s)\)/.exec(text ?? '') ?? [];
    const ms = Number(value) * (unit === 's' ? 1000 : 1);
    return { wall, ms };
  };
  // Warm-up: the first build and the worker's first run count nowhere.
  for (const v of sites) await one(v);
  for (let r = 0; r < rounds; r++) {
    for (const v of inRoundOrder(sites, r)) {
      const { wall, ms } = await one(v);
      record(v.name, 'callMs', ms);
      record(v.name, 'wallMs', wall);
    }
    console.log('round', r + 1);
  }
} finally {
  await browser.close();
  stop();
}
printResults(res, sites, { format: (x) => x.toFixed(0), width: 10 });
printLoad();
writeFileSync(process.env.OUT ?? 'ab-print-console.json', JSON.stringify(res, null, 1));
