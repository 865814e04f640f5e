import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';
import { kvOpsP3Wat, kvOpsP3Wit } from './kvOpsP3Guest';

/**
 * WASI 0.3 vs 0.2 key-value: the same n sets + n gets, one after the other, by a 0.2 guest
 * (blocking calls, JSPI) and by a 0.3 guest (async-lowered calls awaited on waitable sets),
 * against one host store. Rounds alternate (0.2, 0.3, 0.2, …) after a warm-up of each; the
 * ratio per round is p3 ms / p2 ms (bench/figureStats.mjs: median with min–max).
 */
export async function benchP3(client: BuildClient, n = 200, rounds = 5) {
  const p2 = await buildOrThrow(client, kvOpsWit, kvOpsWat, 'bench-kv');
  const p3 = await buildOrThrow(client, kvOpsP3Wit, kvOpsP3Wat, 'bench-kv-p3');
  await runOnce(p2, 20);
  await runOnce(p3, 20);
  const p2ms: number[] = [];
  const p3ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = await runOnce(p2, n);
    const b = await runOnce(p3, n);
    p2ms.push(a);
    p3ms.push(b);
  }
  return [
    {
      id: 'p3.kv',
      title: `WASI 0.3 vs 0.2 key-value: ${n} sets + ${n} gets by an async-ABI guest (proposal:keyvalue-p3) against the 0.2 guest on the same store`,
      unit: 'ms',
      guest: p3ms,
      baseline: p2ms,
      baselineName: '0.2 guest (JSPI)',
      ratio: 'guest/baseline',
    },
  ];
}

async function buildOrThrow(client: BuildClient, wit: string, wat: string, slot: string): Promise<BuildArtifact> {
  const built = await client.build(wit, { lang: 'wat', source: wat }, { slot });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  return built.artifact;
}

/** One run of `run(n)` in a fresh worker and namespace; the guest's own call time in ms. */
function runOnce(artifact: BuildArtifact, n: number): Promise<number> {
  const namespace = `bench-p3-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  let ms = 0;
  let found: unknown;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      { onResult: (_n, v, t) => ((found = v), (ms = t)), onTrap: (m) => reject(new Error(m)) },
    );
    void h.settled.then(() => (Number(found) === n ? resolve(ms) : reject(new Error(`guest found ${String(found)} of ${n} keys`))));
  });
}
