#!/usr/bin/env node
// What the run workers allocate during one flood of the messaging flood probe: V8's sampling
// heap profiler in every worker of the bench page (bytes allocated, counting what the GCs
// collected, so the figure is what makes scavenges), top functions by self size per message.
// `send` floods with the producer alone (floodProbe.sendOnly), `guest` producer → handler.
// A tool, not a figure. Workers are reached over Chromium's DevTools port (Playwright gives
// no session for a dedicated worker); the page's Worker.terminate is delayed so a run worker
// can be asked for its profile after its run.
//   AB_PORT=4490 node --experimental-websocket bench/profileWorkerAlloc.mjs send|guest [n=2000] site=/path/to/built/site
// Build the site with `--minify false` for readable names.
import { launchChromium, serveSites, sitesFrom, warmFloodProbe } from './abSites.mjs';
const [what, nArg] = [process.argv[2], Number(process.argv[3] ?? 2000)];
const sites = sitesFrom(process.argv.slice(4), 4490);
const stop = await serveSites(sites, '/bench/index.html');
const browser = await launchChromium(['--remote-debugging-port=9339']);
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${sites[0].port}/bench/index.html`);
  await page.evaluate(() => window.wcpEngine.ready);
  await warmFloodProbe(nArg)(page);
  await page.evaluate(() => { const t = Worker.prototype.terminate; Worker.prototype.terminate = function () { setTimeout(() => t.call(this), 4000); }; });
  const ver = await (await fetch('http://127.0.0.1:9339/json/version')).json();
  const ws = new WebSocket(ver.webSocketDebuggerUrl);
  await new Promise((r) => (ws.onopen = r));
  let id = 0;
  const waiting = new Map();
  const workers = new Set();
  const send = (method, params = {}, sessionId) => new Promise((res, rej) => { const i = ++id; waiting.set(i, { res, rej }); ws.send(JSON.stringify({ id: i, method, params, sessionId })); });
  const attached = [];
  ws.onmessage = (ev) => {
    const m = JSON.parse(ev.data);
    if (m.id) { const w = waiting.get(m.id); waiting.delete(m.id); m.error ? w.rej(new Error(JSON.stringify(m.error))) : w.res(m.result); return; }
    if (m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'worker') attached.push(m.params.sessionId);
  };
  const { targetInfos } = await send('Target.getTargets');
  const pt = targetInfos.find((t) => t.type === 'page' && t.url.includes('/bench/'));
  const { sessionId: ps } = await send('Target.attachToTarget', { targetId: pt.targetId, flatten: true });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, ps);
  await new Promise((r) => setTimeout(r, 500));
  for (const s of attached) { await send('HeapProfiler.enable', {}, s); await send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, s); workers.add(s); }
  console.log('workers sampled', workers.size);
  const r = await page.evaluate(([w, k]) => w === 'send' ? window.wcpEngine.floodProbe.sendOnly(k) : window.wcpEngine.floodProbe.guest(k), [what, nArg]);
  console.log(JSON.stringify(r));
  for (const s of workers) {
    let profile; try { ({ profile } = await send('HeapProfiler.stopSampling', {}, s)); } catch { continue; }
    const self = new Map(); let total = 0;
    const walk = (node) => { const f = node.callFrame; const nm = `${f.functionName || '(anon)'} ${f.url.split('/').pop().slice(0, 14)}:${f.lineNumber + 1}`; const sz = node.selfSize; total += sz; self.set(nm, (self.get(nm) ?? 0) + sz); for (const c of node.children) walk(c); };
    walk(profile.head);
    if (total < 200_000) continue; // a spare that ran nothing
    console.log(`worker ${s.slice(0, 6)}: ${(total / 1024).toFixed(0)} KB sampled, ${(total / nArg).toFixed(0)} B per message`);
    for (const [nm, sz] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(sz / nArg).toFixed(0).padStart(6)} B  ${nm}`);
  }
  ws.close();
} finally { await browser.close(); stop(); }
