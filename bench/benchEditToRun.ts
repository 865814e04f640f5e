import { examples, startGuest, type BuildClient } from '../src/index';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

/**
 * Edit-to-running latency with a warm toolchain: each iteration edits the guest (a new
 * comment, so nothing can be cached), builds, starts a run worker and records when the
 * component is instantiated and its export called ("running") and when the export's
 * result arrives (which for the bucket walk includes its 250 IndexedDB writes). Baseline: spawning a trivial module worker and getting one message
 * back, the floor for any design that runs each guest in a throwaway worker.
 */
export async function benchEditToRun(client: BuildClient, iterations = 20) {
  const namespace = `bench-edit-${Date.now()}`;
  const rows = [];
  const baseline = await workerRoundTrips(iterations);
  for (const ex of examples.filter((e) => e.guests.length === 1 && e.guests[0].lang === 'wat' && e.guests[0].call)) {
    const g = ex.guests[0];
    const times: number[] = [];
    const running: number[] = [];
    const builds: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const built = await client.build(g.wit, { lang: 'wat', source: `${g.source}\n;; edit ${i} ${Math.random()}` });
      if (built.status !== 'built') throw new Error(`${ex.id} failed to build`);
      builds.push(built.ms);
      await new Promise<void>((resolve, reject) => {
        startGuest(
          built.artifact,
          // An example that declares its own interface brings the host code for it.
          { config: { guest: g.name, namespace, subscriptions: [], buckets: [] }, call: { name: g.call!, args: [] }, timeLimitMs: 10_000, customHosts: ex.customHosts },
          { onInstantiated: () => running.push(performance.now() - t0), onResult: () => resolve(), onTrap: (m) => reject(new Error(m)) },
        );
      });
      times.push(performance.now() - t0);
    }
    rows.push({
      example: ex.id,
      toRunningMs: median(running),
      toRunningRatioToWorkerFloor: median(running) / median(baseline),
      toResultMs: median(times),
      toResultP90Ms: p90(times),
      buildMs: median(builds),
    });
  }
  return { baselineWorkerRoundTripMs: median(baseline), rows };
}

async function workerRoundTrips(n: number): Promise<number[]> {
  const src = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const w = new Worker(src, { type: 'module' });
      w.onmessage = () => (w.terminate(), resolve());
    });
    times.push(performance.now() - t0);
  }
  URL.revokeObjectURL(src);
  return times;
}
