import { startGuest, type BuildClient, type BuildArtifact } from '../src/index';
import { alternate, figure, medianOf, type Figure } from './alternate';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';

/**
 * Key-value throughput: a guest doing n sets + n gets through guest → host → IndexedDB,
 * against idb-keyval doing the same sequential awaited sets and gets (same value size, one
 * transaction per op in both) in a dedicated worker — the guest's host runs in one too.
 * Alternating rounds; ratio = idb-keyval time / guest time (1 = as fast as idb-keyval).
 * `hostCallMs` is the time inside host functions (the rest is guest, bindings and JSPI).
 */
export async function benchKeyvalue(client: BuildClient, n: number, rounds: number): Promise<Figure[]> {
  const built = await client.build(kvOpsWit, { lang: 'wat', source: kvOpsWat }, { slot: 'bench-kv' });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  const worker = new Worker(new URL('./idbKeyvalWorker.ts', import.meta.url), { type: 'module' });
  const hostMs: number[] = [];
  let recycled = 0;
  try {
    const samples = await alternate(
      rounds,
      async () => {
        const r = await runGuest(built.artifact, n);
        hostMs.push(r.hostMs);
        if (r.runsBefore > 0) recycled += 1;
        return r.ms;
      },
      () => runDirect(worker, n),
    );
    const ops = 2 * n;
    return [
      figure(samples, {
        id: 'kv.ops',
        title: `Key-value ops: ${n} set + ${n} get, guest → host → IndexedDB vs idb-keyval in a worker`,
        unit: 'ms',
        baselineName: 'idb-keyval (worker)',
        ratio: 'baseline/guest',
        goal: { op: '>=', value: 1 },
        // The idb-keyval worker serves every round; the guest's run worker is a recycled one
        // (the previous round's, see src/runtime/runWorkerPool.ts) in this many rounds.
        notes: { ops, guestOpsPerSec: ops / (medianOf(samples.guest) / 1000), idbKeyvalOpsPerSec: ops / (medianOf(samples.baseline) / 1000), hostCallMs: medianOf(hostMs), guestInRecycledWorker: `${recycled}/${samples.guest.length}` },
      }),
    ];
  } finally {
    worker.terminate();
  }
}

/**
 * Page-side half of bench/run.mjs's `kv.cpu` figure: the same guest and idb-keyval worker
 * as {@link benchKeyvalue}, run on demand so run.mjs can trace each run's CPU time. Each
 * call resolves once the run is complete (every set committed, every get answered).
 */
export function createKvProbe(client: BuildClient) {
  let built: Promise<BuildArtifact> | undefined;
  let worker: Worker | undefined;
  const artifact = () =>
    (built ??= client.build(kvOpsWit, { lang: 'wat', source: kvOpsWat }, { slot: 'bench-kv' }).then((b) => {
      if (b.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(b)}`);
      return b.artifact;
    }));
  return {
    prepare: async () => {
      await artifact();
      worker ??= new Worker(new URL('./idbKeyvalWorker.ts', import.meta.url), { type: 'module' });
    },
    guest: async (n: number) => (await runGuest(await artifact(), n)).ms,
    raw: (n: number) => runDirect(worker!, n),
  };
}

function runGuest(artifact: BuildArtifact, n: number): Promise<{ ms: number; hostMs: number; runsBefore: number }> {
  const namespace = `bench-kv-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  let ms = 0;
  let hostMs = 0;
  let runsBefore = 0;
  let found: unknown;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      {
        onResult: (_n, v, t) => ((found = v), (ms = t)),
        onInstantiated: (_ms, _serving, _stages, before) => (runsBefore = before ?? 0),
        onTrap: (m) => reject(new Error(m)),
        onTrace: (events) => events.forEach((e) => e.kind === 'call' && (hostMs += e.ms)),
      },
    );
    void h.settled.then(() => (Number(found) === n ? resolve({ ms, hostMs, runsBefore }) : reject(new Error(`guest found ${String(found)} of ${n} keys`))));
  });
}

function runDirect(worker: Worker, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<{ ms?: number; error?: string }>) => (ev.data.error ? reject(new Error(ev.data.error)) : resolve(ev.data.ms!));
    worker.postMessage({ n });
  });
}
