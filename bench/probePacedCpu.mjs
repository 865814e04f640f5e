// Probe: CPU per burst of messaging.p50's paced run (bursts of PER_BURST with ~1 ms sleeps),
// guest path against the raw pair at the guest's offered rate, by thread name (as in
// bench/cpuTime.mjs: thread time of top-level trace events), marginal: runs of `bursts` and 3 × `bursts`, the
// difference over 2 × `bursts` (the two guests' start and the workers' creation cancel out).
// Not a figure: where the paced path's CPU goes, since its hop is as long as the CPU spent
// while it crosses (bench/HISTORY.md, "Browser-bus p50, leg by leg"). Alternating rounds:
//   AB_PORT=4520 node bench/probePacedCpu.mjs <rounds> [bursts=100] name=dist [name=dist…]
import { inRoundOrder, launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';
import { cpuByThread } from './readChromeTrace.mjs';
import { traceWhile } from './cpuTime.mjs';

/** CPU ms by thread name (numbers dropped) while `action` runs, like cpuTime.mjs's groups but finer. */
async function measureCpu(browser, page, action) {
  const { result, events } = await traceWhile(browser, page, action);
  // Which process a thread is in (browser, renderer, GPU…): a thread pool's name is the same in each.
  const processes = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? '']));
  const names = {};
  let total = 0;
  for (const [key0, name, ms] of cpuByThread(events)) {
    const key = `${processes.get(Number(key0.split(':')[0])) ?? '?'}/${name.replace(/[0-9]+/g, '').trim() || '(unnamed)'}`;
    names[key] = (names[key] ?? 0) + ms;
    total += ms;
  }
  return { result, total, groups: names };
}

const rounds = Number(process.argv[2]);
const bursts = Number(process.argv.find((a) => a.startsWith('bursts='))?.split('=')[1] ?? 100);
const sites = sitesFrom(process.argv.slice(3).filter((a) => !a.startsWith('bursts=')), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
printLoad();
try {
  const pages = await openEnginePages(browser, sites, async (page) => {
    await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
    await page.evaluate(() => window.wcpEngine.floodProbe.pacedGuest(20));
  });
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const page = pages.get(s.name);
      const guest = (b) => measureCpu(browser, page, () => page.evaluate((n) => window.wcpEngine.floodProbe.pacedGuest(n), b));
      const small = await guest(bursts);
      const large = await guest(3 * bursts);
      const offered = large.result;
      const raw = (b) => measureCpu(browser, page, () => page.evaluate(([n, o]) => window.wcpEngine.floodProbe.pacedRaw(n, o), [b, offered]));
      const rSmall = await raw(bursts);
      const rLarge = await raw(3 * bursts);
      const per = (a, b, k) => (((b[k] ?? 0) - (a[k] ?? 0)) * 1000) / (2 * bursts);
      for (const g of ['total', ...new Set([...Object.keys(large.groups), ...Object.keys(rLarge.groups)])]) {
        record(s.name, `guest ${g}`, g === 'total' ? per(small, large, 'total') : per(small.groups, large.groups, g));
        record(s.name, `raw ${g}`, g === 'total' ? per(rSmall, rLarge, 'total') : per(rSmall.groups, rLarge.groups, g));
      }
      console.log(`round ${r + 1} ${s.name}: guest ${per(small, large, 'total').toFixed(0)} µs/burst, raw ${per(rSmall, rLarge, 'total').toFixed(0)} µs/burst, offered ${offered.toFixed(0)} msg/s`);
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');
for (const [site, keys] of Object.entries(res)) {
  console.log(`${site}: CPU µs per burst of ${4}, median (min–max) over ${rounds} rounds`);
  for (const [k, xs] of Object.entries(keys)) if (Math.abs(med(xs)) >= 3) console.log(`  ${k.padEnd(16)} ${med(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
}
