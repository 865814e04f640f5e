// Probe: where the guest's NATS p50 goes. Per round and site: one paced guest run, then at its
// offered rate the plain raw client (the bench's baseline), the raw client with the guest's
// CloudEvents headers (built per message, decoded on receipt), and with them to a subject a
// stream configured like the topic log keeps (natsProbe.decompose). Sites alternate per round.
//   AB_PORT=4630 NATS_PORT=4634 node bench/probeNatsDecompose.mjs <rounds> name=dist [name=dist…]
import { loadavg } from 'node:os';
import { launchChromium, inRoundOrder, printLoad, printResults, serveSites, sitesFrom } from './abSites.mjs';
import { startBenchNats } from './natsBenchServer.mjs';

const rounds = Number(process.argv[2] ?? 5);
const sites = sitesFrom(process.argv.slice(3), 4460);
const natsPort = Number(process.env.NATS_PORT ?? 4491);
const nats = await startBenchNats(natsPort, natsPort + 1);
if (!nats.ws) throw new Error(nats.skipped);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
const res = {};
const record = (site, key, x) => ((res[site] ??= {})[key] ??= []).push(x);
const fmt = (x) => `${x.p50.toFixed(2)} [${x.byPosition.map((v) => v.toFixed(2)).join('/')}]`;
printLoad();
try {
  const pages = {};
  for (const s of sites) {
    const p = await browser.newPage();
    await p.goto(`http://localhost:${s.port}/bench/index.html`);
    await p.waitForFunction(() => window.wcpEngine?.natsProbe);
    await p.evaluate((ws) => window.wcpEngine.natsProbe.prepare(ws), nats.ws);
    await p.evaluate(() => window.wcpEngine.natsProbe.decompose()); // warm-up
    pages[s.name] = p;
  }
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
  await browser.close();
  stop();
  await nats.stop();
}
printResults(res, sites, { format: (x) => x.toFixed(2) });
printLoad();
