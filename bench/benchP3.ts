import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';
import { kvOpsWat, kvOpsWit } from './kvOpsGuest';
import { kvOpsP3Wat, kvOpsP3Wit } from './kvOpsP3Guest';
import { askerP2Wat, askerP2Wit, askerP3Wat, askerP3Wit } from './requestReplyGuests';
import shouterWat from '../src/examples/messaging/shouter.wat?raw';
import shouterWit from '../src/examples/messaging/shouter.wit?raw';

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

/**
 * WASI 0.3 vs 0.2 request-reply: n requests to the 0.2 shouter, by a 0.2 guest (each
 * request blocks until its reply) and by a 0.3 guest (all n in flight, awaited together).
 * Each round starts one responder in a fresh namespace and runs both askers against it,
 * in alternating order; the ratio per round is p3 ms / p2 ms. A ratio well under 1 is the
 * overlap 0.3 makes possible; at n = 1 the two would only differ by the ABI's cost.
 */
export async function benchP3RequestReply(client: BuildClient, n = 50, rounds = 5) {
  const responder = await buildOrThrow(client, shouterWit, shouterWat, 'bench-rr-shouter');
  const p2 = await buildOrThrow(client, askerP2Wit, askerP2Wat, 'bench-rr-p2');
  const p3 = await buildOrThrow(client, askerP3Wit, askerP3Wat, 'bench-rr-p3');
  const p2ms: number[] = [];
  const p3ms: number[] = [];
  for (let r = -1; r < rounds; r++) {
    const namespace = `bench-rr-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const serving = startGuest(responder, { config: { guest: 'shouter', namespace, subscriptions: ['greet'], buckets: [] }, timeLimitMs: 300_000 }, {});
    await serving.settled;
    try {
      // Round -1 warms both paths up and is not counted.
      const first = r % 2 === 0 ? p2 : p3;
      const a = await runOnce(first, r < 0 ? 5 : n, namespace);
      const b = await runOnce(first === p2 ? p3 : p2, r < 0 ? 5 : n, namespace);
      if (r < 0) continue;
      p2ms.push(first === p2 ? a : b);
      p3ms.push(first === p2 ? b : a);
    } finally {
      serving.stop();
    }
  }
  return [
    {
      id: 'p3.requestReply',
      title: `WASI 0.3 vs 0.2 request-reply: ${n} requests to one responder, all in flight (proposal:messaging-p3) against one after the other (wasi:messaging 0.2)`,
      unit: 'ms',
      guest: p3ms,
      baseline: p2ms,
      baselineName: '0.2 guest, blocking requests (JSPI)',
      ratio: 'guest/baseline',
    },
  ];
}

async function buildOrThrow(client: BuildClient, wit: string, wat: string, slot: string): Promise<BuildArtifact> {
  const built = await client.build(wit, { lang: 'wat', source: wat }, { slot });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  return built.artifact;
}

/** One run of `run(n)` in a fresh worker (and a fresh namespace unless given); the guest's own call time in ms. */
function runOnce(artifact: BuildArtifact, n: number, namespace = `bench-p3-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`): Promise<number> {
  let ms = 0;
  let found: unknown;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000 },
      { onResult: (_n, v, t) => ((found = v), (ms = t)), onTrap: (m) => reject(new Error(m)) },
    );
    void h.settled.then(() => (Number(found) === n ? resolve(ms) : reject(new Error(`guest got ${String(found)} of ${n} (keys or replies)`))));
  });
}
