import { launchChromium, serveSites } from './abSites.mjs';
const dir = process.argv[2];
const v = [{ name: 'x', dir, port: 4835 }];
const stop = await serveSites(v, '/bench/index.html');
const browser = await launchChromium();
try {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.text()); });
  await p.goto('http://localhost:4835/bench/index.html');
  const r = await p.evaluate(async () => {
    const e = window.wcpEngine; const g = e.exampleGuests('js-kv-counter')[0];
    const t0 = performance.now();
    const r = await e.build(g.wit, 'js', `${g.source}\n// x\n`, { slot: 'ab' });
    return { ms: performance.now() - t0, ok: r.ok ?? !!r.artifact, t: r.artifact?.timings, d: r.diagnostics };
  });
  console.log(Math.round(r.ms), JSON.stringify(r.d), Object.entries(r.t ?? {}).map(([k, x]) => `${k}=${Math.round(x)}`).join(' '));
  const r2 = await p.evaluate(async () => {
    const e = window.wcpEngine; const g = e.exampleGuests('js-kv-counter')[0];
    const t0 = performance.now();
    const r = await e.build(g.wit, 'js', `${g.source}\n// y\n`, { slot: 'ab2', full: true });
    return { ms: performance.now() - t0, t: r.artifact?.timings, d: r.diagnostics };
  });
  console.log('second full', Math.round(r2.ms), JSON.stringify(r2.d), Object.entries(r2.t ?? {}).map(([k, x]) => `${k}=${Math.round(x)}`).join(' '));
  await ctx.close();
} finally { await browser.close(); stop(); }
