import { wsconnect } from '@nats-io/nats-core';
import { Kvm } from '@nats-io/kv';
import { jetstreamManager } from '@nats-io/jetstream';
import { topicLogStreamConfig } from '../src/hosts/backend/nats/natsStreams';
import { startGuest, type BackendConfig, type BuildArtifact, type BuildClient } from '../src/index';
import { alternate, alternateMany, figure, medianOf, percentile, type Figure } from './alternate';
import { BURSTS, PER_BURST, guestRun } from './benchMessaging';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';
import { handlerWat, handlerWit, producerWat, producerWit } from './messagingGuests';

interface Side {
  throughput: number;
  p50: number;
  p99: number;
  offered: number;
}

/**
 * The NATS backend against the raw NATS client, on a real nats-server (started by
 * bench/run.mjs on loopback), in alternating rounds:
 * - messaging: guest → host → NATS → host → guest (a producer and a handler guest in two
 *   run workers, each with its own WebSocket connection) vs the raw client in two plain
 *   workers (two connections, as two pages would have). Flood throughput of `n` messages,
 *   and p50/p99 send → delivery latency of paced bursts at the guest's offered load. Each
 *   guest send is also appended to its topic's log (a second publication, in the same frame,
 *   to a subject the namespace's JetStream stream keeps), which the raw side does not pay for.
 * - key-value: `kvN` sets + `kvN` gets through the guest (JetStream KV) vs `@nats-io/kv`
 *   awaited one by one in the page.
 */
export async function benchNats(client: BuildClient, servers: string, rounds: number, n = 2000, kvN = 300): Promise<Figure[]> {
  const backend: BackendConfig = { kind: 'nats', servers };
  const [prod, handler, kvGuest] = await Promise.all([
    client.build(producerWit, { lang: 'wat', source: producerWat }, { slot: 'producer' }),
    client.build(handlerWit, { lang: 'wat', source: handlerWat }, { slot: 'handler' }),
    client.build(kvOpsWit, { lang: 'wat', source: kvOpsWat }, { slot: 'bench-kv' }),
  ]);
  if (prod.status !== 'built' || handler.status !== 'built' || kvGuest.status !== 'built') throw new Error('bench guests failed to build');
  const run = `${Date.now().toString(36)}`;
  const on = { backend, namespace: `bench-nats-msg-${run}`, settleMs: 300 };
  let guestOffered = 1000;
  const guestSide = async (): Promise<Side> => {
    const flood = await guestRun(prod.artifact, handler.artifact, { name: 'run', args: [n] }, n, on);
    const paced = await guestRun(prod.artifact, handler.artifact, { name: 'paced', args: [BURSTS, PER_BURST] }, BURSTS * PER_BURST, on);
    guestOffered = paced.offered;
    return { throughput: flood.count / (flood.spanMs / 1000), p50: percentile(paced.lat, 0.5), p99: percentile(paced.lat, 0.99), offered: paced.offered };
  };
  const rawSide = async (): Promise<Side> => {
    const flood = await rawRun(servers, n, 1);
    const paced = await rawRun(servers, PER_BURST, BURSTS, (PER_BURST / guestOffered) * 1000);
    return { throughput: n / (flood.spanMs / 1000), p50: percentile(paced.lat, 0.5), p99: percentile(paced.lat, 0.99), offered: paced.offered };
  };
  const s = await alternateMany<keyof Side>(rounds, guestSide, rawSide);
  const title = 'guest → host → NATS → host → guest vs the raw NATS client between two workers (two connections)';

  const kvNamespace = `bench-nats-kv-${run}`;
  const nc = await wsconnect({ servers });
  const kv = await new Kvm(nc).create(`bench-nats-raw-${run}`, { history: 1 });
  const hostMs: number[] = [];
  let kvSamples;
  try {
    kvSamples = await alternate(
      rounds,
      async () => {
        const r = await runKvGuest(kvGuest.artifact, kvN, backend, kvNamespace);
        hostMs.push(r.hostMs);
        return r.ms;
      },
      async () => {
        const value = new TextEncoder().encode('a value of thirty-two bytes.....');
        const t0 = performance.now();
        for (let i = 0; i < kvN; i++) await kv.put(`k-${String(i).padStart(4, '0')}`, value);
        let found = 0;
        for (let i = 0; i < kvN; i++) if (await kv.get(`k-${String(i).padStart(4, '0')}`)) found += 1;
        if (found !== kvN) throw new Error(`raw kv found ${found} of ${kvN}`);
        return performance.now() - t0;
      },
    );
  } finally {
    await nc.close();
  }
  const ops = 2 * kvN;
  return [
    figure(s.throughput, { id: 'nats.throughput', title: `NATS messaging throughput, ${n} messages flooded: ${title}`, unit: 'msg/s', baselineName: 'raw NATS client', ratio: 'guest/baseline' }),
    figure(s.p50, {
      id: 'nats.p50',
      title: `NATS messaging p50 latency at equal offered load (${BURSTS} bursts of ${PER_BURST}, ~1 ms apart): ${title}`,
      unit: 'ms',
      baselineName: 'raw NATS client',
      ratio: 'guest/baseline',
      goal: { op: '<=', value: 1.5 },
      notes: { guestOfferedMsgPerSec: medianOf(s.offered.guest), rawOfferedMsgPerSec: medianOf(s.offered.baseline), guestP99Ms: medianOf(s.p99.guest), rawP99Ms: medianOf(s.p99.baseline) },
    }),
    figure(s.p99, { id: 'nats.p99', title: `NATS messaging p99 latency at equal offered load: ${title}`, unit: 'ms', baselineName: 'raw NATS client', ratio: 'guest/baseline' }),
    figure(kvSamples, {
      id: 'nats.kv',
      title: `NATS key-value ops: ${kvN} set + ${kvN} get, guest → host → JetStream KV vs @nats-io/kv in the page`,
      unit: 'ms',
      baselineName: '@nats-io/kv (page)',
      ratio: 'baseline/guest',
      goal: { op: '>=', value: 0.7 },
      notes: { ops, guestOpsPerSec: ops / (medianOf(kvSamples.guest) / 1000), rawOpsPerSec: ops / (medianOf(kvSamples.baseline) / 1000), hostCallMs: medianOf(hostMs) },
    }),
  ];
}

/**
 * Probe variants of the raw side (never the baseline, which stays the plain client):
 * `envelope` adds the guest's CloudEvents headers (built per message, decoded on receipt);
 * `kept` sends them to a subject a stream configured like the topic log keeps.
 */
interface RawVariant {
  envelope?: boolean;
  /** Prefix of subjects a topic-log-like stream keeps (`<prefix>.>`). */
  keptPrefix?: string;
}

/** Raw NATS: `bursts` bursts of `perBurst` publishes from one worker to a subscriber in another. */
async function rawRun(servers: string, perBurst: number, bursts: number, intervalMs?: number, variant: RawVariant = {}): Promise<{ spanMs: number; lat: number[]; offered: number }> {
  const total = perBurst * bursts;
  const subject = `${variant.keptPrefix ?? 'bench.raw'}.${Math.random().toString(36).slice(2, 8)}`;
  const envelope = variant.envelope === true;
  const [rx, tx] = [openWorker(), openWorker()];
  try {
    await Promise.all([rx.ask({ cmd: 'connect', servers }, 'connected'), tx.ask({ cmd: 'connect', servers }, 'connected')]);
    const received = rx.next('received');
    await rx.ask({ cmd: 'receive', subject, total, envelope }, 'ready');
    const sent = (await tx.ask({ cmd: 'send', subject, bursts, perBurst, envelope, ...(intervalMs === undefined ? {} : { intervalMs }) }, 'sent')) as { first: number; lastSend: number };
    const got = (await received) as { lat: number[]; last: number };
    return { spanMs: got.last - sent.first, lat: got.lat, offered: total / ((sent.lastSend - sent.first) / 1000) };
  } finally {
    await Promise.all([rx.ask({ cmd: 'close' }, 'closed').catch(() => undefined), tx.ask({ cmd: 'close' }, 'closed').catch(() => undefined)]);
    rx.worker.terminate();
    tx.worker.terminate();
  }
}

function openWorker() {
  const worker = new Worker(new URL('./natsRawWorker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<string, { resolve(v: unknown): void; reject(e: Error): void }>();
  worker.onmessage = (ev: MessageEvent<{ type: string; error?: string }>) => {
    if (ev.data.type === 'error') for (const w of waiting.values()) w.reject(new Error(ev.data.error));
    const w = waiting.get(ev.data.type);
    waiting.delete(ev.data.type);
    w?.resolve(ev.data);
  };
  const next = (type: string) => new Promise<unknown>((resolve, reject) => waiting.set(type, { resolve, reject }));
  return {
    worker,
    next,
    ask(cmd: object, type: string) {
      const p = next(type);
      worker.postMessage(cmd);
      return p;
    },
  };
}

function runKvGuest(artifact: BuildArtifact, n: number, backend: BackendConfig, namespace: string): Promise<{ ms: number; hostMs: number }> {
  let ms = 0;
  let hostMs = 0;
  let found: unknown;
  let trap: string | undefined;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [], backend }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      {
        onResult: (_n, v, t) => ((found = v), (ms = t)),
        onTrap: (m) => (trap = m),
        onTrace: (events) => events.forEach((e) => e.kind === 'call' && (hostMs += e.ms)),
      },
    );
    void h.settled.then(() => (Number(found) === n ? resolve({ ms, hostMs }) : reject(new Error(trap ?? `guest found ${String(found)} of ${n} keys`))));
  });
}

/**
 * One NATS flood of `n` messages on either side, for CPU time measured around it
 * (bench/abEngine.mjs `natsCpu`): the guest path (producer → handler, two run workers, the
 * topic logged in JetStream) or the raw client between two plain workers. `prepare(servers)`
 * builds the guests once and names the server. The nats-server's own CPU is not counted.
 */
export function createNatsProbe(client: BuildClient) {
  let servers = '';
  let built: Promise<[BuildArtifact, BuildArtifact]> | undefined;
  const guests = () =>
    (built ??= Promise.all([client.build(producerWit, { lang: 'wat', source: producerWat }, { slot: 'producer' }), client.build(handlerWit, { lang: 'wat', source: handlerWat }, { slot: 'handler' })]).then(([p, h]) => {
      if (p.status !== 'built' || h.status !== 'built') throw new Error('bench guests failed to build');
      return [p.artifact, h.artifact] as [BuildArtifact, BuildArtifact];
    }));
  const namespace = `bench-nats-cpu-${Date.now().toString(36)}`;
  let keptPrefix: Promise<string> | undefined;
  let turn = 0;
  return {
    prepare: async (ws: string) => {
      servers = ws;
      await guests();
    },
    guest: async (n: number) => {
      const [p, h] = await guests();
      return (await guestRun(p, h, { name: 'run', args: [n] }, n, { backend: { kind: 'nats', servers }, namespace, settleMs: 300 })).count;
    },
    raw: async (n: number) => (await rawRun(servers, n, 1)).lat.length,
    /**
     * One paced run (BURSTS bursts of PER_BURST) on each side, the raw one at the guest's
     * offered rate: p50 overall and by position in a burst (which of a burst's messages wait).
     */
    paced: async () => {
      const [p, h] = await guests();
      const g = await guestRun(p, h, { name: 'paced', args: [BURSTS, PER_BURST] }, BURSTS * PER_BURST, { backend: { kind: 'nats', servers }, namespace, settleMs: 300 });
      const r = await rawRun(servers, PER_BURST, BURSTS, (PER_BURST / g.offered) * 1000);
      return { guest: { p50: percentile(g.lat, 0.5), byPosition: g.byPosition, offered: g.offered }, raw: pacedStats(r) };
    },
    /**
     * Where the guest's extra latency goes (bench/probeNatsDecompose.mjs): one paced guest
     * run, then at its offered rate the plain raw client (the baseline), the raw client with
     * the guest's CloudEvents headers, and with them to a subject a stream configured like
     * the topic log keeps. The raw variants run in a rotating order.
     */
    decompose: async () => {
      const [p, h] = await guests();
      keptPrefix ??= makeKeptStream(servers);
      const prefix = await keptPrefix;
      const g = await guestRun(p, h, { name: 'paced', args: [BURSTS, PER_BURST] }, BURSTS * PER_BURST, { backend: { kind: 'nats', servers }, namespace, settleMs: 300 });
      const interval = (PER_BURST / g.offered) * 1000;
      const variants: Array<[string, RawVariant]> = [['raw', {}], ['rawHeaders', { envelope: true }], ['rawKept', { envelope: true, keptPrefix: prefix }]];
      const out: Record<string, ReturnType<typeof pacedStats> & { sendStep?: number; handleMs?: number }> = { guest: { p50: percentile(g.lat, 0.5), byPosition: g.byPosition, offered: g.offered, sendStep: g.sendStep, handleMs: g.handleMs } };
      turn += 1;
      for (let i = 0; i < variants.length; i++) {
        const [name, variant] = variants[(i + turn) % variants.length]!;
        out[name] = pacedStats(await rawRun(servers, PER_BURST, BURSTS, interval, variant));
      }
      return out;
    },
  };
}

/** p50 overall and by position in a burst of a paced raw run. */
function pacedStats(r: { lat: number[]; offered: number }): { p50: number; byPosition: number[]; offered: number } {
  const byPosition = Array.from({ length: PER_BURST }, (_, k) => percentile(r.lat.filter((_, i) => i % PER_BURST === k), 0.5));
  return { p50: percentile(r.lat, 0.5), byPosition, offered: r.offered };
}

/** A stream configured like a namespace's topic log, keeping `<prefix>.>`; resolves with the prefix. */
async function makeKeptStream(servers: string): Promise<string> {
  const id = Math.random().toString(36).slice(2, 8);
  const prefix = `bench.kept${id}`;
  const nc = await wsconnect({ servers });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add(topicLogStreamConfig(`bench-raw-kept-${id}`, [`${prefix}.>`]));
  } finally {
    await nc.close();
  }
  return prefix;
}
