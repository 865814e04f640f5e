import { startGuest, type BackendConfig, type BuildArtifact, type BuildClient, type TraceEvent } from '../src/index';
import { alternateMany, figure, medianOf, percentile, type Figure } from './alternate';
import { burstStamps } from './burstStamps';
import { handlerWat, handlerWit, producerWat, producerWit } from './messagingGuests';

/** Bursts of the paced (latency) run and messages per burst; ~1 ms sleep between bursts. */
export const BURSTS = 250;
export const PER_BURST = 4;
/**
 * Messages of the sustained flood. A flood of 2,000 lasts ~0.1–0.2 s, much of it in two
 * fresh run workers whose JavaScript is still being compiled (V8's background compiler
 * threads took 140–230 ms of CPU in a flood of 4,000 on two cores); at 20,000 the rate is the
 * path's own. Both are reported.
 */
export const SUSTAINED = 20_000;

/** Messages per second of `count` messages over `ms` milliseconds. */
const perSecond = (count: number, ms: number): number => count / (ms / 1000);

interface Side {
  /** Flood: messages per second from the first send to the last delivery. */
  throughput: number;
  /** Paced: p50 send → delivery latency at the paced offered load. */
  p50: number;
  p99: number;
  /** Paced: the load actually offered (messages / time from first to last send). */
  offered: number;
  /** Flood: messages per second the sender alone managed (first to last send). */
  sendRate: number;
  /** Flood: messages per second the receiver handled (first to last delivery). */
  deliverRate: number;
  /** Flood of {@link SUSTAINED}: messages per second from the first send to the last delivery. */
  sustained: number;
}

/**
 * Cross-worker messaging, guest → host → BroadcastChannel → host → guest (a producer guest
 * and a handler guest in two run workers) against raw BroadcastChannel posts between two
 * plain workers, in alternating rounds. Each round measures both sides three times:
 * - flood: n messages as fast as the sender can; throughput = n / (last delivery − first
 *   send), both stamped in the workers; then the same with {@link SUSTAINED} messages;
 * - paced: bursts of 4 messages with a ~1 ms sleep after each (the guest blocks on a
 *   `wasi:clocks` 1 ms pollable, a timer in the host); the raw sender posts the same bursts on a schedule at the
 *   guest's measured offered rate, so latency is compared at the same offered load (both
 *   rates are noted); p50 of send → delivery.
 */
export async function benchMessaging(client: BuildClient, n: number, rounds: number): Promise<Figure[]> {
  const [prod, handler] = await Promise.all([client.build(producerWit, { lang: 'wat', source: producerWat }, { slot: 'producer' }), client.build(handlerWit, { lang: 'wat', source: handlerWat }, { slot: 'handler' })]);
  if (prod.status !== 'built' || handler.status !== 'built') throw new Error('bench guests failed to build');
  const s = await alternateMany<keyof Side>(rounds, () => guestSide(prod.artifact, handler.artifact, n), () => rawSide(n));
  const title = 'guest → host → BroadcastChannel → host → guest vs raw BroadcastChannel between two workers';
  return [
    figure(s.throughput, { id: 'messaging.throughput', title: `Messaging throughput, ${n} messages flooded: ${title}`, unit: 'msg/s', baselineName: 'raw BroadcastChannel', ratio: 'guest/baseline', goal: { op: '>=', value: 0.5 } }),
    figure(s.sustained, { id: 'messaging.sustained', title: `Messaging throughput sustained, ${SUSTAINED} messages flooded: ${title}`, unit: 'msg/s', baselineName: 'raw BroadcastChannel', ratio: 'guest/baseline', goal: { op: '>=', value: 0.5 } }),
    figure(s.p50, {
      id: 'messaging.p50',
      title: `Messaging p50 latency at equal offered load (${BURSTS} bursts of ${PER_BURST}, ~1 ms apart): ${title}`,
      unit: 'ms',
      baselineName: 'raw BroadcastChannel',
      ratio: 'guest/baseline',
      goal: { op: '<=', value: 1.5 },
      notes: { guestOfferedMsgPerSec: medianOf(s.offered.guest), rawOfferedMsgPerSec: medianOf(s.offered.baseline), guestP99Ms: medianOf(s.p99.guest), rawP99Ms: medianOf(s.p99.baseline) },
    }),
    // Where a flood's time goes: the sender alone vs the receiver alone (informational).
    figure(s.sendRate, { id: 'messaging.sendRate', title: `Flood of ${n}: messages/s the sender alone managed (first to last send)`, unit: 'msg/s', baselineName: 'raw sender', ratio: 'guest/baseline' }),
    figure(s.deliverRate, { id: 'messaging.deliverRate', title: `Flood of ${n}: messages/s the receiver handled (first to last delivery)`, unit: 'msg/s', baselineName: 'raw receiver', ratio: 'guest/baseline' }),
  ];
}

/** Offered load (msg/s) of the latest paced guest run; the raw sender is paced to match it. */
let guestOffered = 1000;

async function guestSide(producer: BuildArtifact, handler: BuildArtifact, n: number): Promise<Side> {
  const flood = await guestRun(producer, handler, { name: 'run', args: [n] }, n);
  const paced = await guestRun(producer, handler, { name: 'paced', args: [BURSTS, PER_BURST] }, BURSTS * PER_BURST);
  guestOffered = paced.offered;
  const long = await guestRun(producer, handler, { name: 'run', args: [SUSTAINED] }, SUSTAINED);
  return { throughput: perSecond(flood.count, flood.spanMs), p50: percentile(paced.lat, 0.5), p99: percentile(paced.lat, 0.99), offered: paced.offered, sendRate: flood.offered, deliverRate: flood.deliverRate, sustained: perSecond(long.count, long.spanMs) };
}

/**
 * One producer run against a fresh handler; send and delivery times come from the trace.
 * `on` runs both on another backend (NATS) in a given namespace, waiting `settleMs` after
 * the handler started so its subscription has reached the server.
 */
export async function guestRun(producer: BuildArtifact, handler: BuildArtifact, call: { name: string; args: number[] }, count: number, on?: { backend: BackendConfig; namespace: string; settleMs: number }) {
  const namespace = on?.namespace ?? `bench-msg-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const backend = on ? { backend: on.backend } : {};
  const sends = new Map<string, number>();
  const delivered: Array<[string, number]> = [];
  const acked = new Map<string, number>();
  const onTrace = (events: TraceEvent[]) => {
    for (const e of events) {
      if (e.kind !== 'message' || e.topic !== 'bench.msg') continue;
      if (e.action === 'send') sends.set(String(e.envelope.id), e.at);
      else if (e.action === 'deliver') delivered.push([String(e.envelope.id), e.at]);
      else if (e.action === 'ack') acked.set(String(e.envelope.id), e.at);
    }
  };
  const h = startGuest(handler, { config: { guest: 'sink', namespace, subscriptions: ['bench.>'], buckets: [], ...backend }, timeLimitMs: 60_000 }, { onTrace });
  await h.settled;
  if (on) await new Promise((r) => setTimeout(r, on.settleMs));
  const p = startGuest(producer, { config: { guest: 'source', namespace, subscriptions: [], buckets: [], ...backend }, call, timeLimitMs: 120_000 }, { onTrace });
  await p.settled;
  for (let i = 0; delivered.length < count; i++) {
    if (i > 1200) throw new Error(`only ${delivered.length} of ${count} messages were delivered`);
    await new Promise((r) => setTimeout(r, 50));
  }
  h.stop();
  const sendTimes = [...sends.values()];
  const first = Math.min(...sendTimes);
  const lastSend = Math.max(...sendTimes);
  const lastDelivery = Math.max(...delivered.map(([, at]) => at));
  const firstDelivery = Math.min(...delivered.map(([, at]) => at));
  const lat = delivered.map(([id, at]) => at - sends.get(id)!);
  // Where the sender's time went: gaps between consecutive send stamps of ≥ 1 ms (idle or preempted).
  const sorted = sendTimes.sort((a, b) => a - b);
  let gapMs = 0;
  let gaps = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! >= 1) { gapMs += sorted[i]! - sorted[i - 1]!; gaps++; }
  // Latency by position in a paced burst (sends in send order, PER_BURST a burst): which of a burst's messages wait.
  const order = [...sends.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const deliveredAt = new Map(delivered);
  const byPosition = Array.from({ length: PER_BURST }, (_, k) => percentile(order.filter((_, i) => i % PER_BURST === k).map((id) => deliveredAt.get(id)! - sends.get(id)!), 0.5));
  // Probe figures (medians, ms): a burst's consecutive send stamps apart (the guest's own
  // per-send cost), and a delivery's handler call (deliver → ack stamps, the handler's side).
  const sendStep = percentile(order.flatMap((id, i) => (i % PER_BURST === 0 ? [] : [sends.get(id)! - sends.get(order[i - 1]!)!])), 0.5);
  const handleMs = percentile(delivered.flatMap(([id, at]) => (acked.has(id) ? [acked.get(id)! - at] : [])), 0.5);
  return { byPosition, sendStep, handleMs, sendGaps: { gaps, gapMs, spanMs: lastSend - first }, count, spanMs: lastDelivery - first, lat, offered: perSecond(count, lastSend - first), deliverRate: perSecond(count, lastDelivery - firstDelivery) };
}

async function rawSide(n: number): Promise<Side> {
  const flood = await rawRun(n, n);
  const paced = await rawRun(BURSTS, PER_BURST, (PER_BURST / guestOffered) * 1000);
  const long = await rawRun(SUSTAINED, SUSTAINED);
  return { throughput: perSecond(n, flood.spanMs), p50: percentile(paced.lat, 0.5), p99: percentile(paced.lat, 0.99), offered: paced.offered, sendRate: flood.offered, deliverRate: flood.deliverRate, sustained: perSecond(SUSTAINED, long.spanMs) };
}

/**
 * `bursts` bursts of `k` raw posts between two plain workers. With `intervalMs` the bursts
 * follow a fixed schedule (burst b at first + b × intervalMs), matching the guest's offered
 * load; without it everything is posted at once.
 */
export async function rawRun(bursts: number, k: number, intervalMs?: number): Promise<{ spanMs: number; lat: number[]; offered: number; deliverRate: number }> {
  const sleep = intervalMs !== undefined;
  const total = sleep ? bursts * k : bursts;
  const perBurst = sleep ? k : bursts;
  const rounds = sleep ? bursts : 1;
  const name = `raw-${Math.random()}`;
  const now = 'performance.timeOrigin + performance.now()';
  const recv = `const c = new BroadcastChannel(${JSON.stringify(name)}); const lat = []; let last = 0;
    let firstGot = 0; c.onmessage = (e) => { last = ${now}; firstGot ||= last; lat.push(last - e.data.at); if (lat.length === ${total}) postMessage({ lat, last, firstGot }); }; postMessage('ready');`;
  const send = `const c = new BroadcastChannel(${JSON.stringify(name)});
    onmessage = async () => { const data = new Uint8Array(32); const first = ${now}; let lastSend = first;
      for (let b = 0; b < ${rounds}; b++) {
        for (let i = 0; i < ${perBurst}; i++) { lastSend = ${now}; c.postMessage({ at: lastSend, topic: 'bench.msg', data }); }
        ${sleep ? `await new Promise((r) => setTimeout(r, Math.max(0, first - performance.timeOrigin + (b + 1) * ${intervalMs} - performance.now())));` : ''}
      }
      postMessage({ first, lastSend }); };`;
  const mk = (src: string) => new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  const r = mk(recv);
  await new Promise((res) => (r.onmessage = res));
  const s = mk(send);
  const sent = new Promise<{ first: number; lastSend: number }>((res) => (s.onmessage = (e) => res(e.data)));
  const got = new Promise<{ lat: number[]; last: number; firstGot: number }>((res) => (r.onmessage = (e) => res(e.data)));
  s.postMessage('go');
  const [{ first, lastSend }, { lat, last, firstGot }] = await Promise.all([sent, got]);
  r.terminate();
  s.terminate();
  return { spanMs: last - first, lat, offered: perSecond(total, lastSend - first), deliverRate: perSecond(total, last - firstGot) };
}

/**
 * One flood of `n` messages on either side, for bench/run.mjs to measure CPU time around
 * (bench/cpuTime.mjs): the guest path (producer guest → handler guest, two run workers)
 * or raw BroadcastChannel posts between two plain workers. Guests are built once.
 */
export function createFloodProbe(client: BuildClient) {
  let built: Promise<[BuildArtifact, BuildArtifact]> | undefined;
  const guests = () =>
    (built ??= Promise.all([client.build(producerWit, { lang: 'wat', source: producerWat }, { slot: 'producer' }), client.build(handlerWit, { lang: 'wat', source: handlerWat }, { slot: 'handler' })]).then(([p, h]) => {
      if (p.status !== 'built' || h.status !== 'built') throw new Error('bench guests failed to build');
      return [p.artifact, h.artifact] as [BuildArtifact, BuildArtifact];
    }));
  return {
    prepare: async () => void (await guests()),
    guest: async (n: number) => {
      const [p, h] = await guests();
      return (await guestRun(p, h, { name: 'run', args: [n] }, n)).count;
    },
    raw: async (n: number) => (await rawRun(n, n)).lat.length,
    /** The producer alone (nobody subscribed): ms from its first to its last send stamp, and the call's own ms. */
    sendOnly: async (n: number) => {
      const [p] = await guests();
      const stamps: number[] = [];
      let callMs = 0;
      const h = startGuest(p, { config: { guest: 'source', namespace: `bench-send-${Math.random().toString(36).slice(2, 8)}`, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 60_000 }, {
        onTrace: (events) => { for (const e of events) if (e.kind === 'message' && e.action === 'send') stamps.push(e.at); },
        onResult: (_name, _value, ms) => (callMs = ms ?? 0),
      });
      await h.settled;
      return { sendMs: Math.max(...stamps) - Math.min(...stamps), callMs, count: stamps.length };
    },
    /** One paced run (BURSTS bursts of PER_BURST) of the guest path: p50 by position in the burst and overall. */
    paced: async () => {
      const [p, h] = await guests();
      const r = await guestRun(p, h, { name: 'paced', args: [BURSTS, PER_BURST] }, BURSTS * PER_BURST);
      // p50 of each quarter of the run, in delivery order: whether latency falls as the fresh run workers warm up.
      const q = r.lat.length / 4;
      const quarters = [0, 1, 2, 3].map((i) => percentile(r.lat.slice(Math.round(i * q), Math.round((i + 1) * q)), 0.5));
      return { p50: percentile(r.lat, 0.5), byPosition: r.byPosition, offered: r.offered, quarters };
    },
    /**
     * The paced run of `bursts` bursts (for CPU per burst, bench/probePacedCpu.mjs: the
     * difference of two sizes leaves out the two guests' start); returns its offered load.
     */
    pacedGuest: async (bursts: number) => {
      const [p, h] = await guests();
      return (await guestRun(p, h, { name: 'paced', args: [bursts, PER_BURST] }, bursts * PER_BURST)).offered;
    },
    /** The raw pair's paced run of `bursts` bursts at `offered` msg/s (the guest's rate). */
    pacedRaw: async (bursts: number, offered: number) => (await rawRun(bursts, PER_BURST, (PER_BURST / offered) * 1000)).offered,
    /** One paced run with each message's send, deliver and ack stamps by position in its burst (burstStamps.ts). */
    stamps: async () => {
      const [p, h] = await guests();
      return burstStamps(p, h);
    },
    /** One flood of n on each side with its rates (msg/s), for comparing flood sizes in one page. */
    rates: async (n: number) => {
      const [p, h] = await guests();
      const g = await guestRun(p, h, { name: 'run', args: [n] }, n);
      const r = await rawRun(n, n);
      const rate = (x: { spanMs: number; offered: number; deliverRate: number }) => ({ throughput: perSecond(n, x.spanMs), sendRate: x.offered, deliverRate: x.deliverRate });
      return { guest: { ...rate(g), ...g.sendGaps }, raw: rate(r) };
    },
  };
}
