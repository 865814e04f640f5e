import { examples, preloadHostCode, startGuest, type BuildClient, type Example } from '../src/index';
import { alternate, figure, medianOf, type Figure } from './alternate';

/** Iterations per round on each side; the round's sample is their median. */
const PER_ROUND = 3;

/**
 * Edit-to-running latency with a warm toolchain, one figure per single-guest WAT example:
 * each iteration edits the guest (a new helper function with a new constant, so the core
 * module differs from every earlier build: a comment alone would assemble to the same bytes
 * and let byte-keyed reuse hide real work), builds, starts
 * a run worker and records when the component is instantiated and its export called
 * ("running"). Baseline: spawning a trivial module worker and getting one message back —
 * the floor for any design that runs each guest in a throwaway worker. Alternating rounds
 * of {@link PER_ROUND} iterations each; ratio = guest / baseline (goal ≤ 1.5).
 */
export async function benchEditToRun(client: BuildClient, rounds: number, only?: string[]): Promise<Figure[]> {
  const namespace = `bench-edit-${Date.now()}`;
  const src = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
  const figures: Figure[] = [];
  try {
    for (const ex of examples.filter((e) => e.guests.length === 1 && e.guests[0].lang === 'wat' && e.guests[0].call && (!only || only.includes(e.id)))) {
      const results: number[] = [];
      const builds: number[] = [];
      /** Per-stage samples: build steps (build worker), run steps (run worker), and the hops between. */
      const stages = new Map<string, number[]>();
      let edit = 0;
      const samples = await alternate(
        rounds,
        async () => {
          const running: number[] = [];
          for (let i = 0; i < PER_ROUND; i++) {
            const r = await editAndRun(client, ex, namespace, edit++);
            running.push(r.runningMs);
            results.push(r.resultMs);
            builds.push(r.buildMs);
            for (const [k, v] of Object.entries(r.stages)) stages.set(k, [...(stages.get(k) ?? []), v]);
          }
          return medianOf(running);
        },
        async () => {
          const trips: number[] = [];
          for (let i = 0; i < PER_ROUND; i++) trips.push(await workerRoundTrip(src));
          return medianOf(trips);
        },
      );
      figures.push(
        figure(samples, {
          id: `edit.${ex.id}`,
          title: `Edit-to-running, ${ex.id}: edit + build + start + export called, vs a bare worker round trip`,
          unit: 'ms',
          baselineName: 'worker round trip',
          ratio: 'guest/baseline',
          goal: { op: '<=', value: 1.5 },
          notes: { buildMs: medianOf(builds), toResultMs: medianOf(results), ...Object.fromEntries([...stages].map(([k, v]) => [k, round1(medianOf(v))])) },
        }),
      );
    }
  } finally {
    URL.revokeObjectURL(src);
  }
  return figures;
}

async function editAndRun(client: BuildClient, ex: Example, namespace: string, edit: number) {
  const g = ex.guests[0];
  const config = { guest: g.name, namespace, subscriptions: [], buckets: [] };
  const t0 = performance.now();
  // As the app's runner does: host code loads in its sandbox while the guest builds.
  if (ex.customHosts) preloadHostCode(ex.customHosts, config);
  const built = await client.build(g.wit, { lang: 'wat', source: editedSource(g.source, edit) });
  if (built.status !== 'built') throw new Error(`${ex.id} failed to build`);
  let runningMs = 0;
  let runStages: Readonly<Record<string, number>> = {};
  let workerMs = 0;
  await new Promise<void>((resolve, reject) => {
    startGuest(
      built.artifact,
      // An example that declares its own interface brings the host code for it.
      { config, call: { name: g.call!, args: [] }, timeLimitMs: 10_000, customHosts: ex.customHosts },
      {
        onInstantiated: (ms, _serving, st) => {
          runningMs = performance.now() - t0;
          workerMs = ms;
          runStages = st ?? {};
        },
        onResult: () => resolve(), onTrap: (m) => reject(new Error(m)) },
    );
  });
  const resultMs = performance.now() - t0;
  // Build steps as the build worker timed them ("b:"), the run worker's ("r:"), and what is
  // left on either side: messages, the page, starting the worker ("b:hops", "r:hops").
  const buildSteps = Object.entries(built.artifact.timings).filter(([k]) => !k.startsWith('stage:'));
  const stages: Record<string, number> = Object.fromEntries([...buildSteps.map(([k, v]) => [`b:${k}`, v]), ...Object.entries(runStages).map(([k, v]) => [`r:${k}`, v])]);
  stages['b:hops'] = built.ms - buildSteps.reduce((n, [, v]) => n + v, 0);
  stages['r:hops'] = runningMs - built.ms - workerMs - (runStages.queued ?? 0);
  return { runningMs, resultMs, buildMs: built.ms, stages };
}

/** The guest with one more (unexported, never called) function whose constant is new on every edit. */
export function editedSource(source: string, edit: number): string {
  const fn = `  (func $bench_edit (result i32) i32.const ${edit * 1000 + Math.floor(Math.random() * 1000)})`;
  const end = source.lastIndexOf(')');
  return `${source.slice(0, end)}\n${fn}\n${source.slice(end)}`;
}

/** A figure's note value: rounded to 0.1. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** `count` bare module workers spawned at once, each answering one message: ms until the last answers. */
export async function workerRoundTrips(src: string, count: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: count }, () => workerRoundTrip(src)));
  return performance.now() - t0;
}

function workerRoundTrip(src: string): Promise<number> {
  const t0 = performance.now();
  return new Promise<number>((resolve) => {
    const w = new Worker(src, { type: 'module' });
    w.onmessage = () => (w.terminate(), resolve(performance.now() - t0));
  });
}
