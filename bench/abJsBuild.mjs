// jsBuild figures of two built sites in alternating rounds (same machine state), e.g. before/after a change:
//   npx vite build --outDir /tmp/site-a   (at the old commit; then at the new one to /tmp/site-b)
//   node bench/abJsBuild.mjs 5 before=/tmp/site-a after=/tmp/site-b   (ports 4742+; OUT=file.json for the raw rounds)
// Each round and site: a fresh context runs window.wcpEngine.bench.jsBuild() (cold + rebuilds), then a
// new page of the same context runs it again (returning visit); medians with min–max per site.
import { writeFileSync } from 'node:fs';
import { inRoundOrder, launchChromium, median as med, printLoad, serveSites, sitesFrom } from './abSites.mjs';
const rounds = Number(process.argv[2]);
const variants = sitesFrom(process.argv.slice(3), 4742);
const stopSites = await serveSites(variants, '/bench/index.html');
const browser = await launchChromium();
const res = Object.fromEntries(variants.map((v) => [v.name, []]));
printLoad();
try {
  for (let r = 0; r < rounds; r++) {
    for (const v of inRoundOrder(variants, r)) {
      const url = `http://localhost:${v.port}/bench/index.html`;
      const ctx = await browser.newContext();
      const p1 = await ctx.newPage();
      await p1.goto(url);
      const a = await p1.evaluate(() => window.wcpEngine.bench.jsBuild());
      // As bench/run.mjs: the visit ends once its caches are kept (sites built before this existed close at once).
      await p1.evaluate(() => window.wcpEngine.savedForNextVisit?.());
      await p1.close();
      const p2 = await ctx.newPage();
      await p2.goto(url);
      const b = await p2.evaluate(() => window.wcpEngine.bench.jsBuild());
      await ctx.close();
      res[v.name].push({ cold: a.firstMs, rebuild: a.rebuildMs, returning: b.firstMs, wat: a.watMs, coldT: a.firstTimings, rebuildT: a.rebuildTimings, returningT: b.firstTimings });
      console.log(r, v.name, Math.round(a.firstMs), Math.round(a.rebuildMs), Math.round(b.firstMs), JSON.stringify(Object.fromEntries(Object.entries(b.firstTimings).filter(([k]) => /stage:|compile|init|snap|page|patch|rebuild/.test(k)).map(([k, x]) => [k, Math.round(x)]))));
    }
  }
} finally {
  await browser.close();
  stopSites();
}
for (const v of variants) {
  const xs = res[v.name];
  for (const k of ['cold', 'returning', 'rebuild']) console.log(v.name, k, Math.round(med(xs.map((x) => x[k]))), `(${Math.round(Math.min(...xs.map((x) => x[k])))}–${Math.round(Math.max(...xs.map((x) => x[k])))})`);
}
printLoad();
writeFileSync(process.env.OUT ?? 'ab-jsbuild.json', JSON.stringify(res, null, 1));
