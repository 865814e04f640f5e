// jsBuild figures of two built sites in alternating rounds (same machine state), e.g. before/after a change:
//   npx vite build --outDir /tmp/site-a   (at the old commit; then at the new one to /tmp/site-b)
//   node bench/abJsBuild.mjs 5 before=/tmp/site-a after=/tmp/site-b   (ports 4742+; OUT=file.json for the raw rounds)
// Each round and site: a fresh context runs window.wcpEngine.bench.jsBuild() (cold + rebuilds), then a
// new page of the same context runs it again (returning visit); medians with min–max per site.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
const rounds = Number(process.argv[2]);
const variants = process.argv.slice(3).map((a, i) => { const [name, dir] = a.split('='); return { name, dir, port: Number(process.env.AB_PORT ?? 4742) + i }; });
const servers = variants.map((v) => spawn('npx', ['vite', 'preview', '--outDir', v.dir, '--port', String(v.port), '--strictPort'], { stdio: 'ignore', detached: true }));
for (const v of variants) { const url = `http://localhost:${v.port}/bench/index.html`; for (let i = 0; i < 100; i++) { try { if ((await fetch(url)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); } }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(variants.map((v) => [v.name, []]));
console.log('load', loadavg().map((x) => x.toFixed(1)).join(' '));
try {
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const url = `http://localhost:${v.port}/bench/index.html`;
      const ctx = await browser.newContext();
      const p1 = await ctx.newPage();
      await p1.goto(url);
      const a = await p1.evaluate(() => window.wcpEngine.bench.jsBuild());
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
  for (const s of servers) process.kill(-s.pid);
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const v of variants) {
  const xs = res[v.name];
  for (const k of ['cold', 'returning', 'rebuild']) console.log(v.name, k, Math.round(med(xs.map((x) => x[k]))), `(${Math.round(Math.min(...xs.map((x) => x[k])))}–${Math.round(Math.max(...xs.map((x) => x[k])))})`);
}
console.log('load', loadavg().map((x) => x.toFixed(1)).join(' '));
writeFileSync(process.env.OUT ?? 'ab-jsbuild.json', JSON.stringify(res, null, 1));
