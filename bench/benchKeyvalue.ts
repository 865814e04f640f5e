import { createStore, get, set } from 'idb-keyval';
import { startGuest, type BuildClient } from '../src/index';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';

/**
 * Key-value throughput: a guest doing n sets + n gets through guest → host → IndexedDB,
 * against idb-keyval doing the same sequential awaited sets and gets directly in the page
 * (same value size, one transaction per op in both). Reported as ops/s and their ratio.
 */
export async function benchKeyvalue(client: BuildClient, n: number) {
  const built = await client.build(kvOpsWit, { lang: 'wat', source: kvOpsWat });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  const namespace = `bench-kv-${Date.now()}`;
  let guestMs = 0;
  let found: unknown;
  await new Promise<void>((resolve, reject) => {
    const h = startGuest(
      built.artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      { onResult: (_n, v, ms) => ((found = v), (guestMs = ms)), onTrap: (m) => reject(new Error(m)) },
    );
    void h.settled.then(() => resolve());
  });
  if (Number(found) !== n) throw new Error(`guest found ${String(found)} of ${n} keys`);

  const store = createStore(`bench-idbkeyval-${Date.now()}`, 'kv');
  const value = new TextEncoder().encode('a value of thirty-two bytes.....');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await set(`k-${String(i).padStart(4, '0')}`, value, store);
  let hits = 0;
  for (let i = 0; i < n; i++) if (await get(`k-${String(i).padStart(4, '0')}`, store)) hits++;
  const directMs = performance.now() - t0;
  if (hits !== n) throw new Error('idb-keyval baseline lost keys');

  const ops = 2 * n;
  const guestOps = ops / (guestMs / 1000);
  const directOps = ops / (directMs / 1000);
  return { ops, guestMs, directMs, guestOpsPerSec: guestOps, idbKeyvalOpsPerSec: directOps, ratio: guestOps / directOps };
}
