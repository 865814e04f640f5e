import { startGuest, type BuildClient, type TraceEvent } from '../src/index';
import { handlerWat, handlerWit, producerWat, producerWit } from './messagingGuests';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/**
 * Cross-worker messaging: a producer guest sends n messages; a handler guest in another
 * worker receives them through guest → host → BroadcastChannel → host → guest. Latency is
 * send-event time to delivery-event time (both stamped with performance.timeOrigin-based
 * clocks in their workers). Baseline: the same count of raw BroadcastChannel posts between
 * two plain workers in this page.
 */
export async function benchMessaging(client: BuildClient, n = 1000) {
  const namespace = `bench-msg-${Date.now()}`;
  const [prod, handler] = await Promise.all([client.build(producerWit, { lang: 'wat', source: producerWat }, { slot: 'producer' }), client.build(handlerWit, { lang: 'wat', source: handlerWat }, { slot: 'handler' })]);
  if (prod.status !== 'built' || handler.status !== 'built') throw new Error('bench guests failed to build');
  const events: TraceEvent[] = [];
  const h = startGuest(handler.artifact, { config: { guest: 'sink', namespace, subscriptions: ['bench.>'], buckets: [] }, timeLimitMs: 60_000 }, { onTrace: (e) => events.push(...e) });
  await h.settled;
  const t0 = performance.now();
  const p = startGuest(prod.artifact, { config: { guest: 'source', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 60_000 }, { onTrace: (e) => events.push(...e) });
  await p.settled;
  const deliveredAll = async () => {
    for (let i = 0; i < 600; i++) {
      if (events.filter((e) => e.kind === 'message' && e.action === 'deliver').length >= n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('not every message was delivered');
  };
  await deliveredAll();
  const elapsed = performance.now() - t0;
  h.stop();
  const sent = new Map<string, number>();
  for (const e of events) if (e.kind === 'message' && e.action === 'send') sent.set(String(e.envelope.id), e.at);
  const lat: number[] = [];
  for (const e of events) if (e.kind === 'message' && e.action === 'deliver' && sent.has(String(e.envelope.id))) lat.push(e.at - sent.get(String(e.envelope.id))!);
  const raw = await rawBroadcast(n);
  return {
    messages: n,
    p50Ms: pct(lat, 0.5),
    p99Ms: pct(lat, 0.99),
    msgPerSec: n / (elapsed / 1000),
    rawP50Ms: pct(raw.lat, 0.5),
    rawP99Ms: pct(raw.lat, 0.99),
    rawMsgPerSec: raw.perSec,
    throughputRatio: n / (elapsed / 1000) / raw.perSec,
    p50RatioToRaw: pct(lat, 0.5) / pct(raw.lat, 0.5),
  };
}

async function rawBroadcast(n: number): Promise<{ lat: number[]; perSec: number }> {
  const name = `raw-${Math.random()}`;
  const recv = `const c = new BroadcastChannel(${JSON.stringify(name)}); const lat = []; c.onmessage = (e) => { lat.push(performance.timeOrigin + performance.now() - e.data.at); if (lat.length === ${n}) postMessage(lat); }; postMessage('ready');`;
  const send = `const c = new BroadcastChannel(${JSON.stringify(name)}); onmessage = () => { const data = new Uint8Array(32); for (let i = 0; i < ${n}; i++) c.postMessage({ at: performance.timeOrigin + performance.now(), topic: 'bench.msg', data }); };`;
  const mk = (src: string) => new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  const r = mk(recv);
  await new Promise((res) => (r.onmessage = res));
  const s = mk(send);
  const t0 = performance.now();
  const lat = await new Promise<number[]>((res) => {
    r.onmessage = (e) => res(e.data as number[]);
    s.postMessage('go');
  });
  const ms = performance.now() - t0;
  r.terminate();
  s.terminate();
  return { lat, perSec: n / (ms / 1000) };
}
