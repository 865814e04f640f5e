// Engine figures of two built sites in alternating rounds (same machine state), e.g. before/after a change:
//   npx vite build --outDir /tmp/site-a   (at the old commit; then at the new one to /tmp/site-b)
//   node bench/abEngine.mjs 5 kv,replay,hostCall,kvCpu before=/tmp/site-a after=/tmp/site-b   (ports AB_PORT+; OUT=file.json)
// Each round runs every named figure once per site (order flipped every round): `kvCpu` is the
// CPU time per key-value op (marginal, bench/run.mjs's kv.cpu), `msgCpu` per flooded message
// (messaging.cpu; the guest side's split by thread group too: `msgCpu.guest.other` etc.), `natsCpu` per message of a NATS flood (browser threads only), `replayCpu` the CPU ms of worker threads and page around one replay figure;
// any other name is window.wcpEngine.bench[name](1) and records each figure's guest/baseline
// ratio and guest median; `name:a+b` passes ['a', 'b'] too (e.g. the edit bench's example ids:
// `edit:proposal-custom-kv-ttl+kv-counter`). `nats` runs the NATS figures against a nats-server
// this script starts (the repo's config, temp data) on AB_NATS_PORT (default: the first site's
// port + 8) and that port + 1 for WebSockets. Prints per site and figure the median with min–max.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { inRoundOrder, launchChromium, median as med, openEnginePages, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';
import { measureCpu } from './cpuTime.mjs';
import { startBenchNats } from './natsBenchServer.mjs';

const rounds = Number(process.argv[2]);
const names = process.argv[3].split(',');
const variants = sitesFrom(process.argv.slice(4), 4742);
const stopSites = await serveSites(variants, '/bench/index.html');
let nats;
if (names.includes('nats') || names.includes('natsCpu')) {
  const natsPort = Number(process.env.AB_NATS_PORT ?? variants[0].port + 8);
  nats = await startBenchNats(natsPort, natsPort + 1);
  if (nats.skipped) {
    stopSites();
    throw new Error(nats.skipped);
  }
}
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
printLoad();
try {
  const pages = await openEnginePages(browser, variants);
  /**
   * Marginal CPU µs per unit: runs of n and 3n, the difference over 2n·perUnit; `groups` the
   * same per thread group (workers, page, browser, other: e.g. the browser's storage work).
   */
  const marginal = async (page, probe, side, n, perUnit) => {
    const run = (k) => measureCpu(browser, page, () => page.evaluate(([p, s, m]) => window.wcpEngine[p][s](m), [probe, side, k]));
    const small = await run(n);
    const large = await run(3 * n);
    const per = (a, b) => ((b - a) * 1000) / (2 * n * perUnit);
    const groups = Object.fromEntries(Object.keys(large.groups).map((g) => [g, per(small.groups[g], large.groups[g])]));
    return Object.assign(per(small.total, large.total), { groups });
  };
  const one = async (v, name, warm) => {
    const page = pages.get(v.name);
    if (name === 'kvCpu' || name === 'msgCpu' || name === 'natsCpu') {
      const [probe, n, perUnit] = { kvCpu: ['kvProbe', 200, 2], msgCpu: ['floodProbe', 2000, 1], natsCpu: ['natsProbe', 1000, 1] }[name];
      if (warm) return page.evaluate(([p, ws]) => window.wcpEngine[p].prepare(ws), [probe, nats?.ws]);
      const g = await marginal(page, probe, 'guest', n, perUnit);
      const b = await marginal(page, probe, 'raw', n, perUnit);
      record(v.name, `${name}.guest`, Number(g));
      record(v.name, `${name}.ratio`, g / b);
      for (const [group, us] of Object.entries(g.groups)) record(v.name, `${name}.guest.${group}`, us);
      return;
    }
    if (name === 'replayCpu') {
      // CPU ms by thread group around one replay figure (guest run and raw baselines): the
      // run worker's share barely moves with other load, unlike its wall-clock time.
      const { result, groups } = await measureCpu(browser, page, () => page.evaluate(() => window.wcpEngine.bench.replay(1)));
      if (warm) return;
      record(v.name, 'replayCpu.workers', groups.workers);
      record(v.name, 'replayCpu.page', groups.page);
      record(v.name, 'replayCpu.guestMs', med(result[0].guest));
      return;
    }
    // `edit:a+b` passes ['a', 'b'] (the edit bench's example ids) after the round count.
    const [fn, arg] = name.split(':');
    const extra = fn === 'nats' ? nats.ws : arg?.split('+');
    const figures = await page.evaluate(([n, a]) => window.wcpEngine.bench[n](1, ...(a ? [a] : [])), [fn, extra]);
    if (warm) return;
    for (const f of figures) {
      record(v.name, `${f.id}.guest`, med(f.guest));
      const ratios = f.guest.map((g, i) => (f.ratio === 'guest/baseline' ? g / f.baseline[i] : f.baseline[i] / g));
      record(v.name, `${f.id}.ratio`, med(ratios));
    }
  };
  // A figure that throws (e.g. messages lost) is counted as `<name>.failed` and printed; the rounds go on.
  const tryOne = async (v, name, warm) => {
    try {
      await one(v, name, warm);
    } catch (error) {
      console.log(`${v.name} ${name}${warm ? ' (warm-up)' : ''} failed: ${String(error?.message ?? error).split('\n')[0]}`);
      record(v.name, `${name}.failed`, 1);
    }
  };
  for (const v of variants) for (const name of names) await tryOne(v, name, true);
  for (let r = 0; r < rounds; r++) {
    for (const name of names) for (const v of inRoundOrder(variants, r)) await tryOne(v, name, false);
    console.log('round', r + 1, 'load', loadavg()[0].toFixed(1));
  }
} finally {
  await browser.close();
  stopSites();
  await nats?.stop();
}
printResults(res, variants);
printLoad();
writeFileSync(process.env.OUT ?? 'ab-engine.json', JSON.stringify(res, null, 1));
