// Probe: where the guest's NATS p50 goes. Per round and site: one paced guest run, then at its
// offered rate the plain raw client (the bench's baseline), the raw client with the guest's
// CloudEvents headers (built per message, decoded on receipt), and with them to a subject a
// stream configured like the topic log keeps (natsProbe.decompose). Sites alternate per round.
//   AB_PORT=4630 NATS_PORT=4634 node bench/probeNatsDecompose.mjs <rounds> name=dist [name=dist…]
import { loadavg } from 'node:os';
import { inRoundOrder, printLoad, printResults } from './abSites.mjs';
import { openNatsProbePages } from './natsProbePages.mjs';

const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
const fmt = (x) => `${x.p50.toFixed(2)} [${x.byPosition.map((v) => v.toFixed(2)).join('/')}]`;
printLoad();
const { rounds, sites, pages, close } = await openNatsProbePages('decompose');
try {
  for (let r = 0; r < rounds; r++) {
    for (const s of inRoundOrder(sites, r)) {
      const out = await pages[s.name].evaluate(() => window.wcpEngine.natsProbe.decompose());
      console.log(r + 1, s.name.padEnd(8), Object.entries(out).map(([k, x]) => `${k} ${fmt(x)}`).join(' | '), `@${Math.round(out.guest.offered)}/s`);
      for (const [k, x] of Object.entries(out)) {
        record(s.name, `${k}.p50`, x.p50);
        x.byPosition.forEach((v, i) => record(s.name, `${k}.pos${i + 1}`, v));
      }
      record(s.name, 'ratio.guest/raw', out.guest.p50 / out.raw.p50);
      record(s.name, 'guest.sendStep', out.guest.sendStep);
      record(s.name, 'guest.handleMs', out.guest.handleMs);
    }
    console.log('round', r + 1, 'load', loadavg()[0].toFixed(1));
  }
} finally {
  await close();
}
printResults(res, sites, { format: (x) => x.toFixed(2) });
printLoad();
