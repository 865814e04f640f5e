// Like abJsBuild.mjs, but also the CPU time of each JS build (Chrome trace thread time over all
// threads, cpuTime.mjs): on a machine shared with other work, wall time mostly measures the wait
// for a core, CPU time what the build costs. Two built sites in alternating rounds:
//   node bench/abJsBuildCpu.mjs 5 before=/tmp/site-a after=/tmp/site-b   (ports AB_PORT=4742+; OUT=file.json)
// Per round and site: a fresh context builds the js-kv-counter guest (cold), rebuilds it 3 times
// after JS-only edits (median), then a new page of the same context builds it again (returning).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { measureCpu } from './cpuTime.mjs';
const rounds = Number(process.argv[2]);
const variants = process.argv.slice(3).map((a, i) => { const [name, dir] = a.split('='); return { name, dir, port: Number(process.env.AB_PORT ?? 4742) + i }; });
const servers = variants.map((v) => spawn('npx', ['vite', 'preview', '--outDir', v.dir, '--port', String(v.port), '--strictPort'], { stdio: 'ignore', detached: true }));
for (const v of variants) { const url = `http://localhost:${v.port}/bench/index.html`; for (let i = 0; i < 100; i++) { try { if ((await fetch(url)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); } }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(variants.map((v) => [v.name, []]));
console.log('load', loadavg().map((x) => x.toFixed(1)).join(' '));
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
    for (const v of r % 2 ? [...variants].reverse() : variants) {
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
      const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const row = { coldWall: cold.result.ms, coldCpu: cold.total, rebuildWall: med(reb.map((x) => x.result.ms)), rebuildCpu: med(reb.map((x) => x.total)), rebuildWorkerCpu: med(reb.map((x) => x.groups.workers)), backWall: back.result.ms, backCpu: back.total, backWorkerCpu: back.groups.workers, backT: back.result.t, rebT: reb[1].result.t };
      res[v.name].push(row);
      console.log(r, v.name, ['coldWall', 'coldCpu', 'rebuildWall', 'rebuildCpu', 'backWall', 'backCpu'].map((k) => `${k}=${Math.round(row[k])}`).join(' '));
    }
  }
} finally {
  await browser.close();
  for (const s of servers) process.kill(-s.pid);
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const k of ['coldWall', 'coldCpu', 'rebuildWall', 'rebuildCpu', 'backWall', 'backCpu']) {
  console.log(k.padEnd(12), variants.map((v) => { const xs = res[v.name].map((x) => x[k]); return `${v.name} ${Math.round(med(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`; }).join('   '));
}
console.log('load', loadavg().map((x) => x.toFixed(1)).join(' '));
writeFileSync(process.env.OUT ?? 'ab-jsbuild-cpu.json', JSON.stringify(res, null, 1));
