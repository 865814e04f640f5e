#!/usr/bin/env node
// What the page pays to receive trace batches in a given wire shape: 200 batches of 100
// flood-like message events (send/deliver, CloudEvents envelope, a few payload bytes) are
// posted over a MessageChannel and kept in a 10,000-event ring, as the trace store does.
// Per variant, alternating rounds: main-thread time receiving (deserializing + keeping) and
// the young-generation GC's CPU (Chrome trace, thread time). Evidence for page-side and
// wire-format choices, not a figure of `npm run bench`. The batches are made on the same
// thread (a worker would make them elsewhere), so the GC figure also holds the sender's
// garbage: the same for every variant, it narrows the differences rather than making them.
//   node bench/traceWireGc.mjs [rounds=5]
// Variants: objects (today's shape), share (today's shape, repeated strings swapped for one
// pooled copy on receipt, as src/trace/shareEventStrings.ts does), shared-buffer (each
// batch's payload bytes in one buffer, events' `data` views onto it).
import { chromium } from '@playwright/test';
import { median } from './figureStats.mjs';

const rounds = Number(process.argv[2] ?? 5);
const variants = ['objects', 'share', 'shared-buffer'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = Object.fromEntries(variants.map((v) => [v, { receiveMs: [], minorGcCpuMs: [] }]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const variant of r % 2 ? [...variants].reverse() : variants) {
      const page = await browser.newPage();
      await page.goto('data:text/html,<title>trace wire</title>');
      await browser.startTracing(page, { categories: ['v8', 'devtools.timeline', 'toplevel'] });
      const ms = await page.evaluate(receive, variant);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      let gc = 0;
      for (const e of trace.traceEvents ?? trace) if (e.ph === 'X' && e.name === 'MinorGC') gc += (e.tdur ?? 0) / 1000;
      res[variant].receiveMs.push(ms);
      res[variant].minorGcCpuMs.push(gc);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
for (const v of variants) {
  const cell = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(`${v.padEnd(14)} receive ${cell(res[v].receiveMs)} ms   scavenges' CPU ${cell(res[v].minorGcCpuMs)} ms`);
}

async function receive(variant) {
  const N = 100;
  const BATCHES = 200;
  const rnd = () => Math.random().toString(16).slice(2);
  const make = () => {
    const evs = Array.from({ length: N }, (_, i) => {
      const action = i % 2 ? 'deliver' : 'send';
      return { kind: 'message', action, topic: 'bench.flood', envelope: { id: `${rnd()}-${rnd()}`, source: 'wasi-cloud-playground/tab-abcde/source', type: 'wasi.messaging.message', specversion: '1.0', subject: 'bench.flood', time: new Date().toISOString() }, data: new TextEncoder().encode(`message ${i}`), to: action === 'deliver' ? 'sink' : undefined, id: `source:ab12cd:${i}`, guest: action === 'deliver' ? 'sink' : 'source', tab: '', at: performance.timeOrigin + performance.now() };
    });
    if (variant !== 'shared-buffer') return evs;
    const buf = new Uint8Array(evs.reduce((s, e) => s + e.data.length, 0));
    let o = 0;
    for (const e of evs) {
      buf.set(e.data, o);
      e.data = buf.subarray(o, o + e.data.length);
      o += e.data.length;
    }
    return evs;
  };
  const pool = new Map();
  const share = (s) => {
    const k = pool.get(s);
    if (k !== undefined) return k;
    pool.set(s, s);
    return s;
  };
  const { port1, port2 } = new MessageChannel();
  const ring = new Array(10_000);
  let at = 0;
  let ms = 0;
  await new Promise((resolve) => {
    let got = 0;
    port2.onmessage = (ev) => {
      const t = performance.now();
      for (const e of ev.data) {
        if (variant === 'share') {
          e.kind = share(e.kind);
          e.action = share(e.action);
          e.topic = share(e.topic);
          e.guest = share(e.guest);
          if (e.to) e.to = share(e.to);
          for (const k in e.envelope) if (k !== 'id' && k !== 'time') e.envelope[k] = share(e.envelope[k]);
        }
        ring[at++ % ring.length] = e;
      }
      ms += performance.now() - t;
      if (++got === BATCHES) resolve();
    };
    // Posted 10 batches a task, so receiving interleaves with posting as it does from a worker.
    let b = 0;
    const post = () => {
      for (let k = 0; k < 10 && b < BATCHES; k++, b++) port1.postMessage(make());
      if (b < BATCHES) setTimeout(post, 0);
    };
    post();
  });
  port1.close();
  return ms;
}
