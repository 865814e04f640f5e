import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';

/** A guest calling a custom host function `n` times: `ping(i)` returns i + 1, summed. */
const WIT = `package local:host-call-bench;
world host-call-bench {
  import bench:ping/ping@0.1.0;
  export run: func(n: u32) -> u32;
}
package bench:ping@0.1.0 {
  interface ping {
    ping: func(x: u32) -> u32;
  }
}`;

const WAT = `(module
  (import "bench:ping/ping@0.1.0" "ping" (func $ping (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done (loop $calls
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $sum (i32.add (local.get $sum) (call $ping (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $calls)))
    (local.get $sum)))`;

const HOST = `export default { create() { return { ping: { ping: (x) => x + 1 } }; } };`;
const HOSTS = { 'bench:ping@0.1.0': HOST };


/**
 * What the host-code sandbox costs a custom host call: the same guest and host, with the
 * host evaluated in the run worker (what the playground did before the sandbox; now only
 * for benchmarks) and in the sandbox (every call a MessagePort round trip to another worker
 * plus a JSPI suspension). Warm-up, then alternating rounds (bench/figureStats.mjs gives the median ratio and spread).
 * Built-in hosts are untouched by the sandbox, so their figures (kv, messaging) don't move.
 */
export async function benchHostCall(client: BuildClient, n = 2000, rounds = 7) {
  const built = await client.build(WIT, { lang: 'wat', source: WAT }, { slot: 'bench-host-call' });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  await runGuest(built.artifact, 100, true);
  await runGuest(built.artifact, 100, false);
  const inWorker: number[] = [];
  const sandboxed: number[] = [];
  for (let r = 0; r < rounds; r++) {
    inWorker.push(((await runGuest(built.artifact, n, true)) / n) * 1000);
    sandboxed.push(((await runGuest(built.artifact, n, false)) / n) * 1000);
  }
  return [
    {
      id: 'hostCall.sandboxed',
      title: `Custom host call cost: a guest calling ping(i) ${n} times, host code in the host-code sandbox vs evaluated in the run worker (µs per call)`,
      unit: 'µs/call',
      guest: sandboxed,
      baseline: inWorker,
      baselineName: 'host code in the run worker',
      ratio: 'guest/baseline',
    },
  ];
}

function runGuest(artifact: BuildArtifact, n: number, inWorkerHosts: boolean): Promise<number> {
  let ms = 0;
  let value: unknown;
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace: 'bench-host-call', subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 120_000, customHosts: HOSTS, inWorkerHosts },
      { onResult: (_n, v, t) => ((value = v), (ms = t)), onTrap: (m) => reject(new Error(m)) },
    );
    const expected = (n * (n + 1)) / 2;
    void h.settled.then(() => (Number(value) === expected % 2 ** 32 ? resolve(ms) : reject(new Error(`guest returned ${String(value)}, expected ${expected}`))));
  });
}
