import { createStore, get, set } from 'idb-keyval';
import { startGuest, type BuildClient, type BuildArtifact } from '../src/index';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';

const VALUE = new TextEncoder().encode('a value of thirty-two bytes.....');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Key-value throughput: a guest doing n sets + n gets through guest → host → IndexedDB,
 * against idb-keyval doing the same sequential awaited sets and gets directly in the page
 * (same value size, one transaction per op in both). IndexedDB is much slower on first
 * use in a page, so both sides get a warm-up round and then alternate over three rounds;
 * medians are reported. `hostCallMs` is the time spent inside host functions (the rest of
 * guestMs is the guest, the generated bindings and JSPI).
 */
export async function benchKeyvalue(client: BuildClient, n: number) {
  const built = await client.build(kvOpsWit, { lang: 'wat', source: kvOpsWat }, { slot: 'bench-kv' });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  await runGuest(built.artifact, 50);
  await runDirect(50);
  const guest: { ms: number; hostMs: number }[] = [];
  const direct: number[] = [];
  for (let round = 0; round < 3; round++) {
    guest.push(await runGuest(built.artifact, n));
    direct.push(await runDirect(n));
  }
  const ops = 2 * n;
  const guestMs = median(guest.map((g) => g.ms));
  const directMs = median(direct);
  return {
    ops,
    guestMs,
    hostCallMs: median(guest.map((g) => g.hostMs)),
    directMs,
    guestOpsPerSec: ops / (guestMs / 1000),
    idbKeyvalOpsPerSec: ops / (directMs / 1000),
    ratio: directMs / guestMs,
  };
}

function runGuest(artifact: BuildArtifact, n: number): Promise<{ ms: number; hostMs: number }> {
  const namespace = `bench-kv-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  let ms = 0;
  let hostMs = 0;
  let found: unknown;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      {
        onResult: (_n, v, t) => ((found = v), (ms = t)),
        onTrap: (m) => reject(new Error(m)),
        onTrace: (events) => events.forEach((e) => e.kind === 'call' && (hostMs += e.ms)),
      },
    );
    void h.settled.then(() => (Number(found) === n ? resolve({ ms, hostMs }) : reject(new Error(`guest found ${String(found)} of ${n} keys`))));
  });
}

async function runDirect(n: number): Promise<number> {
  const store = createStore(`bench-idbkeyval-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, 'kv');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await set(`k-${String(i).padStart(4, '0')}`, VALUE, store);
  let hits = 0;
  for (let i = 0; i < n; i++) if (await get(`k-${String(i).padStart(4, '0')}`, store)) hits++;
  if (hits !== n) throw new Error('idb-keyval baseline lost keys');
  return performance.now() - t0;
}
