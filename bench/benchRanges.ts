import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';
import { bucketKeyRange, KV_STORE, openKvDatabase, putEntries } from '../src/hosts/idb/index';
import { rangeWat, rangeWit } from './rangeGuest';

const BUCKET = 'bench';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keyOf = (i: number) => `k:${String(i).padStart(6, '0')}`;

type Op = 'count' | 'scan' | 'prefix';

/**
 * Range scans over n keys (k:000000 …, 16-byte values, seeded in one transaction) through
 * guest → proposal:keyvalue-range host → IndexedDB, each against raw IndexedDB in this page
 * over the same key range:
 * - count: count-range(all) vs IDBObjectStore.count;
 * - scan: every pair via paged get-range vs one cursor reading keys and values;
 * - prefix: get-keys(prefix "k:04", 10,000 keys) vs a key cursor over the same bounds.
 * Warm-up, then three alternating rounds; medians. ratio = raw time / guest time.
 */
export async function benchRanges(client: BuildClient, n = 100_000) {
  const built = await client.build(rangeWit, { lang: 'wat', source: rangeWat }, { slot: 'bench-ranges' });
  if (built.status !== 'built') throw new Error(`range guest failed to build: ${JSON.stringify(built)}`);
  const namespace = `bench-ranges-${Date.now()}`;
  const value = new TextEncoder().encode('sixteen bytes...');
  await putEntries(namespace, BUCKET, Array.from({ length: n }, (_, i) => [keyOf(i), value]));
  const expected: Record<Op, number> = { count: n, scan: n, prefix: Math.max(0, Math.min(n, 50_000) - 40_000) };
  const rows = [];
  for (const op of ['count', 'scan', 'prefix'] as const) {
    await raw(namespace, op, expected[op]);
    await inGuest(built.artifact, namespace, op, expected[op]);
    const guest: number[] = [];
    const direct: number[] = [];
    for (let round = 0; round < 3; round++) {
      guest.push(await inGuest(built.artifact, namespace, op, expected[op]));
      direct.push(await raw(namespace, op, expected[op]));
    }
    const guestMs = median(guest);
    const rawMs = median(direct);
    rows.push({ op, keys: expected[op], guestMs, rawMs, guestKeysPerSec: expected[op] / (guestMs / 1000), ratio: rawMs / guestMs });
  }
  return rows;
}

function inGuest(artifact: BuildArtifact, namespace: string, op: Op, want: number): Promise<number> {
  let ms = 0;
  let found: unknown;
  let trap: string | undefined;
  const h = startGuest(
    artifact,
    { config: { guest: 'ranger', namespace, subscriptions: [], buckets: [] }, call: { name: op, args: [] }, timeLimitMs: 300_000 },
    { onResult: (_name, v, t) => ((found = v), (ms = t)), onTrap: (m) => (trap = m) },
  );
  return h.settled.then(() => {
    if (trap) throw new Error(`range guest (${op}) trapped: ${trap}`);
    if (Number(found) !== want) throw new Error(`range guest ${op} found ${String(found)}, expected ${want}`);
    return ms;
  });
}

/** The raw IndexedDB way to answer the same question, in one readonly transaction. */
async function raw(namespace: string, op: Op, want: number): Promise<number> {
  const db = await openKvDatabase(namespace);
  const t0 = performance.now();
  const found = await new Promise<number>((resolve, reject) => {
    const tx = db.transaction(KV_STORE, 'readonly');
    const store = tx.objectStore(KV_STORE);
    let seen = 0;
    let bytes = 0;
    if (op === 'count') {
      const r = store.count(bucketKeyRange(BUCKET));
      r.onsuccess = () => (seen = r.result);
    } else if (op === 'scan') {
      const c = store.openCursor(bucketKeyRange(BUCKET));
      c.onsuccess = () => {
        if (!c.result) return;
        bytes += (c.result.value as Uint8Array).length;
        seen++;
        c.result.continue();
      };
    } else {
      const c = store.openKeyCursor(bucketKeyRange(BUCKET, { lower: 'k:04', upper: 'k:05', upperExclusive: true }));
      c.onsuccess = () => {
        if (!c.result) return;
        seen++;
        c.result.continue();
      };
    }
    tx.oncomplete = () => resolve(op === 'scan' && bytes === 0 ? 0 : seen);
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  if (found !== want) throw new Error(`raw ${op} found ${found}, expected ${want}`);
  return ms;
}
