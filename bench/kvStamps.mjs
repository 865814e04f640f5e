// Stamps of one key-value op's path, from a build with bench/kvProbe.patch applied (guest and
// the stamped idb-keyval worker): per op type, the median and mean ms between consecutive
// stamps, over every op of `rounds` runs of 500 set + 500 get per site.
//   AB_PORT=4630 node bench/kvStamps.mjs 3 probe=/tmp/site-probe [other=/tmp/site-b]
import { launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const sites = sitesFrom(process.argv.slice(3), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
printLoad();
const collect = (page, side) =>
  page.evaluate(async (s) => {
    const ch = new BroadcastChannel('kv-probe');
    const got = new Promise((r) => (ch.onmessage = (e) => r(e.data)));
    await window.wcpEngine.kvProbe.prepare();
    const ms = await window.wcpEngine.kvProbe[s](500);
    const rows = await Promise.race([got, new Promise((r) => setTimeout(() => r([]), 2000))]);
    ch.close();
    return { ms, rows };
  }, side);
const steps = {};
try {
  const pages = await openEnginePages(browser, sites);
  for (const v of sites) for (const side of ['guest', 'raw']) await collect(pages.get(v.name), side);
  for (let r = 0; r < rounds; r++) {
    for (const v of sites) {
      for (const side of ['guest', 'raw']) {
        const { ms, rows } = await collect(pages.get(v.name), side);
        console.log(v.name, side, 'run ms', ms.toFixed(1), 'stamps', rows.length);
        // Split at each guest import ('a:lower'); the op type from the wrap stamp.
        let op = null;
        for (let i = 0; i < rows.length; i++) {
          const [label, t] = rows[i];
          if (label === 'a:lower') {
            if (op) finish(`${v.name} ${side}`, op, t);
            op = { stamps: [[label, t]], type: '?' };
          } else if (op) {
            if (label.startsWith('b:wrap:')) op.type = label.slice(label.lastIndexOf('.') + 1).replace('b:wrap:', '');
            op.stamps.push([label.startsWith('b:wrap:') ? 'b:wrap' : label, t]);
          }
        }
      }
    }
  }
} finally {
  await browser.close();
  stop();
}
printLoad('load after');
function finish(side, op, nextAt) {
  op.stamps.push(['z:nextImport', nextAt]);
  const key = `${side} ${op.type}`;
  const s = (steps[key] ??= { n: 0, d: {} });
  s.n++;
  for (let i = 1; i < op.stamps.length; i++) {
    const k = `${op.stamps[i - 1][0]} → ${op.stamps[i][0]}`;
    (s.d[k] ??= []).push(op.stamps[i][1] - op.stamps[i - 1][1]);
  }
  (s.d['TOTAL a:lower → next'] ??= []).push(nextAt - op.stamps[0][1]);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [key, s] of Object.entries(steps)) {
  console.log(`\n== ${key}: ${s.n} ops; µs median / mean / p90 (count)`);
  for (const [k, xs] of Object.entries(s.d)) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`  ${k.padEnd(40)} ${(med(xs) * 1000).toFixed(0).padStart(6)} ${(mean(xs) * 1000).toFixed(0).padStart(6)} ${(sorted[Math.floor(xs.length * 0.9)] * 1000).toFixed(0).padStart(6)}  (${xs.length})`);
  }
}
