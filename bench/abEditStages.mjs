// The edit-to-running bench's stages in alternating rounds of two built sites (same machine state):
//   AB_PORT=4730 node bench/abEditStages.mjs 9 proposal-custom-kv-ttl,kv-cas-swap before=/tmp/site-a after=/tmp/site-b
// Each round runs window.wcpEngine.bench.edit(1, ids) once per site (order flipped every round)
// and records per example the guest median, the guest/baseline ratio and the run's laps that
// say where edit-to-running goes (r:hostCode, r:queued, r:hosts, r:instantiate, b:hops,
// buildMs; see bench/benchEditToRun.ts). abEngine.mjs `edit` records only guest and ratio.
// Prints median (min–max) per site; OUT=file.json keeps the samples.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { inRoundOrder, launchChromium, median, openEnginePages, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';
const [rounds, ids, ...rest] = process.argv.slice(2);
const sites = sitesFrom(rest, 4752);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
const rec = (s, k, x) => ((res[s] ??= {})[k] ??= []).push(x);
printLoad();
try {
  const pages = await openEnginePages(browser, sites, (page) => page.evaluate((i) => window.wcpEngine.bench.edit(1, i.split(',')), ids));
  for (let r = 0; r < Number(rounds); r++) {
    for (const v of inRoundOrder(sites, r)) {
      const figs = await pages.get(v.name).evaluate((i) => window.wcpEngine.bench.edit(1, i.split(',')), ids);
      for (const f of figs) {
        rec(v.name, `${f.id}.guest`, median(f.guest));
        rec(v.name, `${f.id}.ratio`, median(f.guest.map((g, k) => g / f.baseline[k])));
        for (const [k, x] of Object.entries(f.notes)) if (/^r:(hostCode|queued|hosts|instantiate)$|^b:hops$|^buildMs$/.test(k)) rec(v.name, `${f.id}.${k}`, x);
      }
    }
    console.log('round', r + 1, 'load', loadavg()[0].toFixed(1));
  }
} finally {
  await browser.close();
  stop();
}
printResults(res, sites, { width: 44 });
printLoad();
writeFileSync(process.env.OUT ?? 'ab-edit-stages.json', JSON.stringify(res, null, 1));
