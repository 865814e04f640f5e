// Probe: NATS p50 by position in a paced burst, guest path vs the raw client at the same rate.
// Starts its own nats-server; serves one or more built sites; alternates them per round.
//   AB_PORT=4460 node bench/probeNatsPaced.mjs <rounds> name=dist [name=dist…]
import { inRoundOrder } from './abSites.mjs';
import { openNatsProbePages } from './natsProbePages.mjs';

const { rounds, sites, pages, close } = await openNatsProbePages('paced');
const fmt = (x) => `p50 ${x.p50.toFixed(2)} by position ${x.byPosition.map((v) => v.toFixed(2)).join('/')} @${Math.round(x.offered)}/s`;
try {
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const out = await pages[s.name].evaluate(() => window.wcpEngine.natsProbe.paced());
      console.log(r, s.name.padEnd(8), 'guest', fmt(out.guest), '| raw', fmt(out.raw));
    }
  }
} finally {
  await close();
}
