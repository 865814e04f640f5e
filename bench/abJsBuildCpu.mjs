// Like abJsBuild.mjs, but also the CPU time of each JS build (Chrome trace thread time over all
// threads, cpuTime.mjs): on a machine shared with other work, wall time mostly measures the wait
// for a core, CPU time what the build costs. Two built sites in alternating rounds:
//   node bench/abJsBuildCpu.mjs 5 before=/tmp/site-a after=/tmp/site-b   (ports AB_PORT=4742+; OUT=file.json)
// Per round and site: a fresh context builds the js-kv-counter guest (cold), rebuilds it 3 times
// after JS-only edits (median), then a new page of the same context builds it again (returning).
import { writeFileSync } from 'node:fs';
import { inRoundOrder, launchChromium, median as med, printLoad, serveSites, sitesFrom } from './abSites.mjs';
import { measureCpu } from './cpuTime.mjs';
const rounds = Number(process.argv[2]);
const variants = sitesFrom(process.argv.slice(3), 4742);
const stopSites = await serveSites(variants, '/bench/index.html');
const browser = await launchChromium();
const res = Object.fromEntries(variants.map((v) => [v.name, []]));
printLoad();
async function jsBuild(page, tag) {
  return page.evaluate(async (tag) => {
    const e = window.wcpEngine; const g = e.exampleGuests('js-kv-counter')[0];
    const t0 = performance.now();
    const r = await e.build(g.wit, 'js', `${g.source}\n// ${tag} ${Math.random()}\n`, { slot: 'ab' });
    return { ms: performance.now() - t0, t: r.artifact.timings };
  }, tag);
}
async function wat(page) { await page.evaluate(async () => { const e = window.wcpEngine; const g = e.exampleGuests('kv-counter')[0]; await e.build(g.wit, 'wat', g.source, { slot: 'w' }); }); }
try {
  for (let r = 0; r < rounds; r++) {
    for (const v of inRoundOrder(variants, r)) {
      const url = `http://localhost:${v.port}/bench/index.html`;
      const ctx = await browser.newContext();
      const p1 = await ctx.newPage();
      await p1.goto(url); await p1.evaluate(() => window.wcpEngine.ready); await wat(p1);
      const cold = await measureCpu(browser, p1, () => jsBuild(p1, 'cold'));
      const reb = [];
      for (let i = 0; i < 3; i++) reb.push(await measureCpu(browser, p1, () => jsBuild(p1, 'edit' + i)));
      await new Promise((r) => setTimeout(r, 1500)); // let the store finish
      await p1.close();
      const p2 = await ctx.newPage();
      await p2.goto(url); await p2.evaluate(() => window.wcpEngine.ready); await wat(p2);
      const back = await measureCpu(browser, p2, () => jsBuild(p2, 'back'));
      await ctx.close();
      const row = { coldWall: cold.result.ms, coldCpu: cold.total, rebuildWall: med(reb.map((x) => x.result.ms)), rebuildCpu: med(reb.map((x) => x.total)), rebuildWorkerCpu: med(reb.map((x) => x.groups.workers)), backWall: back.result.ms, backCpu: back.total, backWorkerCpu: back.groups.workers, backT: back.result.t, rebT: reb[1].result.t };
      res[v.name].push(row);
      console.log(r, v.name, ['coldWall', 'coldCpu', 'rebuildWall', 'rebuildCpu', 'backWall', 'backCpu'].map((k) => `${k}=${Math.round(row[k])}`).join(' '));
    }
  }
} finally {
  await browser.close();
  stopSites();
}
for (const k of ['coldWall', 'coldCpu', 'rebuildWall', 'rebuildCpu', 'backWall', 'backCpu']) {
  console.log(k.padEnd(12), variants.map((v) => { const xs = res[v.name].map((x) => x[k]); return `${v.name} ${Math.round(med(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`; }).join('   '));
}
printLoad();
writeFileSync(process.env.OUT ?? 'ab-jsbuild-cpu.json', JSON.stringify(res, null, 1));
