// What the NATS probes (probeNatsPaced.mjs, probeNatsDecompose.mjs) share: their own
// nats-server (NATS_PORT and +1 for WebSockets), the built sites given as name=dist served
// side by side (AB_PORT), Debian's Chromium, and per site a bench page with its NATS probe
// prepared and warmed up once by `probe` (a natsProbe method name).
import { launchChromium, serveSites, sitesFrom } from './abSites.mjs';
import { startBenchNats } from './natsBenchServer.mjs';

/** Starts everything; `close()` stops the browser, the sites and the server. */
export async function openNatsProbePages(probe) {
  const rounds = Number(process.argv[2] ?? 5);
  const sites = sitesFrom(process.argv.slice(3), 4460);
  const natsPort = Number(process.env.NATS_PORT ?? 4491);
  const nats = await startBenchNats(natsPort, natsPort + 1);
  if (!nats.ws) throw new Error(nats.skipped);
  const stopSites = await serveSites(sites, '/bench/index.html');
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    stopSites();
    await nats.stop();
  };
  try {
    const pages = {};
    for (const s of sites) {
      const p = await browser.newPage();
      await p.goto(`http://localhost:${s.port}/bench/index.html`);
      await p.waitForFunction(() => window.wcpEngine?.natsProbe);
      await p.evaluate((ws) => window.wcpEngine.natsProbe.prepare(ws), nats.ws);
      await p.evaluate((name) => window.wcpEngine.natsProbe[name](), probe); // warm-up
      pages[s.name] = p;
    }
    return { rounds, sites, pages, close };
  } catch (e) {
    await close();
    throw e;
  }
}
