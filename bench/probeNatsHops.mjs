// Probe: NATS latency leg by leg, µs medians by burst position, of the guest path and of the
// raw client (plain, with the CloudEvents headers, and to a subject a stream keeps) at the
// guest's offered rate. Each site must be built with bench/natsHops.patch applied (stamps at
// the host's send and publish, each WebSocket send and message event, the subscription
// callback, the bus's decode and dispatch; posted to the page on a BroadcastChannel):
//   git apply bench/natsHops.patch && npx vite build --outDir /tmp/site-hops && git checkout . && rm src/platform/natsHops.ts
//   AB_PORT=4525 NATS_PORT=4508 node bench/probeNatsHops.mjs <rounds> name=dist [name=dist…]
// Legs: send (the trace's send stamp) > pub (the client's publish) > pubDone > wsSend (the
// socket write carrying it) > wsSent (that write returned) > frame (the handler worker's message event) > cb (subscription
// callback) > parsed > dispatched > deliver (the trace's deliver stamp) > ack.
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
