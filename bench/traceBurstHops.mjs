// Chrome trace of one paced messaging run (floodProbe.stamps) of a built site, for where the
// BroadcastChannel hop waits (issue 13). Build the site with bench/hopMarks.patch applied
// (performance.mark at each bus post/receive and raw post/receive), then:
//   AB_PORT=4630 node bench/traceBurstHops.mjs /tmp/site-marks /tmp/trace.json && python3 bench/traceBurstHops.py /tmp/trace.json
import { writeFileSync } from 'node:fs';
import { launchChromium, serveSites } from './abSites.mjs';
const dir = process.argv[2], out = process.argv[3];
const sites = [{ name: 'x', dir, port: Number(process.env.AB_PORT ?? 4630) }];
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${sites[0].port}/bench/index.html`);
  await page.evaluate(() => window.wcpEngine.ready);
  await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
  await page.evaluate(() => window.wcpEngine.floodProbe.stamps());
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', '__metadata', 'mojom', 'v8.execute', 'scheduler'] });
  const s = await page.evaluate(() => window.wcpEngine.floodProbe.stamps());
  writeFileSync(out, await browser.stopTracing());
  console.log(JSON.stringify({ latency: s.latency, raw: s.raw, p50: s.p50 }));
} finally { await browser.close(); stop(); }
