#!/usr/bin/env node
// Where the run workers' CPU goes in the paced NATS runs (`natsProbe.paced`, the `nats.p50`
// figure's guest side): V8's sampling CPU profiler in every worker the bench page starts
// (attached before they run), self time per function and inclusive time of the frames named
// on the command line, per message. A tool, not a figure. Workers are reached over
// Chromium's DevTools port (Playwright gives no session for a dedicated worker).
//   node --experimental-websocket bench/profileNatsWorkers.mjs [runs=3] site=/path/to/site [incl=fnA,fnB]
// Build the site with `--minify false` for readable names. Ports: AB_PORT (site), NATS_PORT.
import { launchChromium, serveSites, sitesFrom } from './abSites.mjs';
import { startBenchNats } from './natsBenchServer.mjs';

const runs = Number(process.argv[2] ?? 3);
const sites = sitesFrom(process.argv.slice(3).filter((a) => !a.startsWith('incl=')), 4470);
const inclNames = (process.argv.find((a) => a.startsWith('incl='))?.slice(5) ?? '').split(',').filter(Boolean);
const natsPort = Number(process.env.NATS_PORT ?? 4491);
const nats = await startBenchNats(natsPort, natsPort + 1);
if (!nats.ws) throw new Error(nats.skipped);
const stop = await serveSites(sites, '/bench/index.html');
const debugPort = Number(process.env.DEBUG_PORT ?? 9341);
const browser = await launchChromium([`--remote-debugging-port=${debugPort}`]);
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${sites[0].port}/bench/index.html`);
  await page.waitForFunction(() => window.wcpEngine?.natsProbe);
  await page.evaluate((ws) => window.wcpEngine.natsProbe.prepare(ws), nats.ws);
  await page.evaluate(() => window.wcpEngine.natsProbe.paced()); // warm-up
  const ver = await (await fetch(`http://127.0.0.1:${debugPort}/json/version`)).json();
  const ws = new WebSocket(ver.webSocketDebuggerUrl);
  await new Promise((r) => (ws.onopen = r));
  let id = 0;
  const waiting = new Map();
  const send = (method, params = {}, sessionId) => new Promise((res, rej) => { const i = ++id; waiting.set(i, { res, rej }); ws.send(JSON.stringify({ id: i, method, params, sessionId })); });
  const sessions = new Set();
  const startProfiling = async (s) => {
    try {
      await send('Profiler.enable', {}, s);
      await send('Profiler.setSamplingInterval', { interval: Number(process.env.SAMPLE_US ?? 200) }, s);
      await send('Profiler.start', {}, s);
      sessions.add(s);
    } catch { /* a worker that ended at once */ }
    await send('Runtime.runIfWaitingForDebugger', {}, s).catch(() => undefined);
  };
  ws.onmessage = (ev) => {
    const m = JSON.parse(ev.data);
    if (m.id) { const w = waiting.get(m.id); waiting.delete(m.id); m.error ? w.rej(new Error(JSON.stringify(m.error))) : w.res(m.result); return; }
    if (m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'worker') void startProfiling(m.params.sessionId);
  };
  const { targetInfos } = await send('Target.getTargets');
  const pt = targetInfos.find((t) => t.type === 'page' && t.url.includes('/bench/'));
  const { sessionId: ps } = await send('Target.attachToTarget', { targetId: pt.targetId, flatten: true });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, ps);
  await new Promise((r) => setTimeout(r, 500));
  let messages = 0;
  for (let r = 0; r < runs; r++) {
    const out = await page.evaluate(() => window.wcpEngine.natsProbe.paced());
    messages += 1000;
    console.log(`run ${r + 1}: guest p50 ${out.guest.p50.toFixed(2)} ms, raw ${out.raw.p50.toFixed(2)} ms`);
  }
  for (const s of sessions) {
    let profile;
    try { ({ profile } = await send('Profiler.stop', {}, s)); } catch { continue; }
    report(s, profile, messages);
  }
  ws.close();
} finally {
  await browser.close();
  stop();
  await nats.stop();
}

/** Self time by function and inclusive time of `inclNames`, µs per message. */
function report(session, profile, messages) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  profile.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop().slice(0, 18)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const incl = new Map();
  let busy = 0;
  for (const [nodeId, t] of dt) {
    const n = byId.get(nodeId);
    const nm = name(n);
    self.set(nm, (self.get(nm) ?? 0) + t);
    if (n.callFrame.functionName !== '(idle)' && n.callFrame.functionName !== '(program)') busy += t;
    const seen = new Set();
    for (let p = nodeId; p !== undefined; p = parent.get(p)) {
      const fn = byId.get(p).callFrame.functionName;
      if (inclNames.includes(fn) && !seen.has(fn)) { seen.add(fn); incl.set(fn, (incl.get(fn) ?? 0) + t); }
    }
  }
  if (busy < Number(process.env.MIN_BUSY_US ?? 20_000)) return; // a spare that ran nothing (µs)
  console.log(`\nworker ${session.slice(0, 6)}: busy ${(busy / 1000).toFixed(0)} ms, ${(busy / messages).toFixed(1)} µs per message`);
  for (const [nm, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(t / messages).toFixed(2).padStart(7)} µs  ${nm}`);
  for (const [fn, t] of incl) console.log(`  incl ${fn}: ${(t / messages).toFixed(2)} µs`);
  // Who calls the top native frames (url-less: the platform's own functions).
  const callers = new Map();
  for (const [nodeId, t] of dt) {
    const n = byId.get(nodeId);
    if (n.callFrame.url || n.callFrame.functionName.startsWith('(')) continue;
    const chain = [n.callFrame.functionName];
    for (let p = parent.get(nodeId), k = 0; p !== undefined && k < 3; p = parent.get(p), k++) chain.push(name(byId.get(p)));
    const key = chain.join(' < ');
    callers.set(key, (callers.get(key) ?? 0) + t);
  }
  for (const [k, t] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  native ${(t / messages).toFixed(2).padStart(7)} µs  ${k}`);
  // TREE=<µs per message>: the call tree, frames of at least that inclusive time.
  const min = Number(process.env.TREE ?? 0);
  if (min > 0) {
    const inclusive = new Map();
    const sum = (nodeId) => {
      const n = byId.get(nodeId);
      let t = dt.get(nodeId) ?? 0;
      for (const c of n.children ?? []) t += sum(c);
      inclusive.set(nodeId, t);
      return t;
    };
    sum(profile.nodes[0].id);
    const print = (nodeId, depth) => {
      const t = inclusive.get(nodeId) / messages;
      if (t < min || depth > 40) return;
      const n = byId.get(nodeId);
      if (n.callFrame.functionName !== '(idle)') console.log(`  ${' '.repeat(depth)}${t.toFixed(1)} ${name(n)}`);
      for (const c of [...(n.children ?? [])].sort((a, b) => inclusive.get(b) - inclusive.get(a))) print(c, depth + 1);
    };
    print(profile.nodes[0].id, 0);
  }
}
