import { launchChromium, serveSites, sitesFrom } from './abSites.mjs';
const sites = sitesFrom([`x=${process.argv[2]}`], 4795);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto('http://localhost:4795/bench/index.html');
  await page.evaluate(() => window.wcpEngine.ready);
  for (const which of process.argv.slice(4)) {
    const r = await page.evaluate(([id, w]) => window.wcpEngine.learn.check(id, w), [process.argv[3], which]);
    console.log(which, JSON.stringify(r.verdict).slice(0, 400));
    console.log(r.stdout.join('\n').slice(0, 1500));
    console.log(r.calls.join('\n').slice(0, 2500));
  }
} finally { await browser.close(); stop(); }
