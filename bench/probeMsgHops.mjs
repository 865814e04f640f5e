// Probe: browser-bus (BroadcastChannel) messaging latency leg by leg, µs medians by burst
// position, of the paced guest path (messaging.p50's run) and the raw pair at the guest's
// offered rate. Each site must be built with bench/msgHops.patch applied (stamps at the host's
// send, each bus postMessage, the handler worker's message event, the listener, the queue, the
// handler call and the export wrapper; posted to the page on a BroadcastChannel):
//   git apply bench/msgHops.patch && npx vite build --outDir /tmp/site-msghops && git checkout . && rm src/platform/msgHops.ts
//   AB_PORT=4520 node bench/probeMsgHops.mjs <rounds> name=dist [name=dist…]
// Legs (producer worker): enter (host send entered) > send (the trace's send stamp) > posted
// (bus.post returned) > emitted (trace event written) > sendRet; send > postMsg (the
// BroadcastChannel post carrying it; positions 1–3 wait for the burst's flush) > postDone.
// (Handler worker): postMsg > event (its message event) > listen (deliverMessages' listener) >
// enqueued > dispatched (the packet's listeners all ran); enqueued > run (runHandler) > deliver
// (the trace's stamp) > call > export (traced export wrapper) > glue > returned > handled > ack.
import { loadavg } from 'node:os';
import { inRoundOrder, launchChromium, openEnginePages, printLoad, serveSites, sitesFrom } from './abSites.mjs';

const rounds = Number(process.argv[2]);
const sites = sitesFrom(process.argv.slice(3), 4742);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
printLoad();
try {
  const pages = await openEnginePages(browser, sites, async (page) => {
    await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
    await page.evaluate(() => window.wcpEngine.floodProbe.hops());
  });
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const out = await pages.get(s.name).evaluate(() => window.wcpEngine.floodProbe.hops());
      const line = [];
      for (const [side, x] of Object.entries(out)) {
        line.push(`${side} ${x.p50.toFixed(3)}`);
        ((res[s.name] ??= {})[`${side} p50`] ??= []).push([x.p50 * 1000]);
        for (const [leg, v] of Object.entries(x.legs)) ((res[s.name] ??= {})[`${side} ${leg}`] ??= []).push(v);
      }
      console.log(`round ${r + 1} ${s.name} load ${loadavg()[0].toFixed(1)}: ${line.join(' | ')}`);
    }
  }
} finally {
  await browser.close();
  stop();
}
for (const [site, legs] of Object.entries(res)) {
  console.log(`${site}: medians over rounds (µs) by burst position`);
  for (const [leg, rows] of Object.entries(legs)) console.log(`  ${leg.padEnd(32)} ${rows[0].map((_, k) => String(Math.round(med(rows.map((r) => r[k])))).padStart(5)).join(' ')}`);
}
printLoad();
