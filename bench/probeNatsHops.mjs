// Probe (build with bench/natsHops.patch applied): NATS latency leg by leg, µs medians by burst position.
//   AB_PORT=4525 NATS_PORT=4508 node bench/probeNatsHops.mjs <rounds> name=dist [name=dist…]
import { loadavg } from 'node:os';
import { inRoundOrder, printLoad } from './abSites.mjs';
import { openNatsProbePages } from './natsProbePages.mjs';

const res = {};
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { rounds, sites, pages, close } = await openNatsProbePages('hops');
printLoad();
try {
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const out = await pages[s.name].evaluate(() => window.wcpEngine.natsProbe.hops());
      const line = [];
      for (const [side, x] of Object.entries(out)) {
        line.push(`${side} ${x.p50.toFixed(2)}`);
        ((res[s.name] ??= {})[`${side} p50`] ??= []).push([x.p50 * 1000]);
        for (const [leg, v] of Object.entries(x.legs)) ((res[s.name] ??= {})[`${side} ${leg}`] ??= []).push(v);
      }
      console.log(`round ${r + 1} ${s.name} load ${loadavg()[0].toFixed(1)}: ${line.join(' | ')}`);
    }
  }
} finally {
  await close();
}
for (const [site, legs] of Object.entries(res)) {
  console.log(`${site}: medians over rounds (µs) by burst position`);
  for (const [leg, rows] of Object.entries(legs)) console.log(`  ${leg.padEnd(32)} ${rows[0].map((_, k) => String(Math.round(med(rows.map((r) => r[k])))).padStart(5)).join(' ')}`);
}
printLoad();
