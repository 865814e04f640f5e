// Probe: NATS p50 by position in a paced burst, guest path vs the raw client at the same rate.
// Starts its own nats-server; serves one or more built sites; alternates them per round.
//   AB_PORT=4460 node bench/probeNatsPaced.mjs <rounds> name=dist [name=dist…]
import { serveSites, sitesFrom } from './abSites.mjs';
import { startBenchNats } from './natsBenchServer.mjs';
import { chromium } from '@playwright/test';
const rounds = Number(process.argv[2] ?? 5);
const sites = sitesFrom(process.argv.slice(3), 4460);
const natsPort = Number(process.env.NATS_PORT ?? 4491);
const nats = await startBenchNats(natsPort, natsPort + 1);
if (!nats.ws) throw new Error(nats.skipped);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const fmt = (x) => `p50 ${x.p50.toFixed(2)} by position ${x.byPosition.map((v) => v.toFixed(2)).join('/')} @${Math.round(x.offered)}/s`;
try {
  const pages = {};
  for (const s of sites) {
    const p = await browser.newPage();
    await p.goto(`http://localhost:${s.port}/bench/index.html`);
    await p.waitForFunction(() => window.wcpEngine?.natsProbe);
    await p.evaluate((ws) => window.wcpEngine.natsProbe.prepare(ws), nats.ws);
    await p.evaluate(() => window.wcpEngine.natsProbe.paced()); // warm-up
    pages[s.name] = p;
  }
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...sites].reverse() : sites;
    for (const s of order) {
      const out = await pages[s.name].evaluate(() => window.wcpEngine.natsProbe.paced());
      console.log(r, s.name.padEnd(8), 'guest', fmt(out.guest), '| raw', fmt(out.raw));
    }
  }
} finally {
  await browser.close();
  stop();
  await nats.stop();
}
