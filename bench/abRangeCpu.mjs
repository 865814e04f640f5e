// Range guests of two built sites in alternating rounds, with the CPU each run cost by thread
// group (bench/cpuTime.mjs), which moves less with other load than wall time does:
//   AB_PORT=4700 node bench/abRangeCpu.mjs 7 prefix,scan before=/tmp/site-a after=/tmp/site-b
// Per op and site: the guest's call (`wall`) and its host calls (`host`) in ms
// (wcpEngine.rangeProbe.guest, bench/rangeProbe.ts), and CPU ms of the worker threads
// (`cpuWorkers`: the run worker, and any spare starting meanwhile), the page, and the rest
// (`cpuOther`: the browser process, where IndexedDB's backend runs).
import { measureCpu } from './cpuTime.mjs';
import { inRoundOrder, launchChromium, openEnginePages, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const ops = process.argv[3].split(',');
const sites = sitesFrom(process.argv.slice(4), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
try {
  // Seeded once per page; two discarded runs per op (first use of the worker pool and the data).
  const pages = await openEnginePages(browser, sites, async (page) => {
    await page.evaluate(() => window.wcpEngine.rangeProbe.prepare());
    for (const op of ops) await page.evaluate((o) => window.wcpEngine.rangeProbe.guest(o, 2), op);
  });
  for (let r = 0; r < rounds; r++) {
    for (const op of ops) {
      for (const v of inRoundOrder(sites, r)) {
        const page = pages.get(v.name);
        // Spares started by the last run finish loading before this one is measured.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const { result, groups } = await measureCpu(browser, page, () => page.evaluate((o) => window.wcpEngine.rangeProbe.guest(o, 1), op));
        record(v.name, `${op}.wall`, result.ms);
        record(v.name, `${op}.host`, result.hostMs);
        record(v.name, `${op}.cpuWorkers`, groups.workers);
        record(v.name, `${op}.cpuPage`, groups.page);
        record(v.name, `${op}.cpuOther`, groups.other + groups.browser);
      }
    }
    console.log('round', r + 1);
  }
} finally {
  await browser.close();
  stop();
}
printResults(res, sites);
printLoad('load after');
