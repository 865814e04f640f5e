import { examples, startGuest, type BuildArtifact, type BuildClient, type Example, type GuestHandle } from '../src/index';
import { alternate, figure, medianOf, type Figure } from './alternate';
import { editedSource, round1, workerRoundTrips } from './benchEditToRun';

/** Iterations per round on each side; the round's sample is their median. */
const PER_ROUND = 3;

/**
 * Edit-to-running for the WAT examples of several guests (pub/sub fan-out, work queue,
 * request-reply, two tabs, delivery guarantees, the 0.3 handler and requests; the 0.2 and
 * 0.3 counter, pull and replay), as Run does it in the app (web/useRunner.ts): the previous
 * run's handlers are stopped, every guest is built (the called ones edited as in
 * benchEditToRun, the handlers unchanged), the handlers are started and serving, then the
 * called guests one after the other, each once the one before finished; "running" is when
 * the last of them is instantiated and its export called, less the time the ones before it
 * spent in their own calls (`calledRanMs` in the notes). An iteration starts once the last
 * one's handlers have handled its messages and are idle again, as they are when a person has
 * edited for a few seconds (the deliveries take milliseconds). Baseline: spawning one bare
 * worker per guest at once and getting a message back from each, the floor for any design
 * that runs each guest in a throwaway worker. Alternating rounds; ratio = guest / baseline.
 */
export async function benchEditServing(client: BuildClient, rounds: number, only?: string[]): Promise<Figure[]> {
  const src = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
  const figures: Figure[] = [];
  try {
    for (const ex of examples.filter(isMultiGuestExample).filter((e) => !only || only.includes(e.id))) {
      const namespace = `bench-edit-serving-${Date.now()}`;
      let live: Served[] = [];
      let edit = 0;
      let warmHandlers = 0;
      let handlers = 0;
      const parts = new Map<string, number[]>();
      try {
        const samples = await alternate(
          rounds,
          async () => {
            const running: number[] = [];
            for (let i = 0; i < PER_ROUND; i++) {
              const r = await editAndRunAll(client, ex, namespace, edit++, live);
              live = r.live;
              running.push(r.runningMs);
              warmHandlers += r.warmHandlers;
              handlers += r.handlers;
              for (const [k, v] of Object.entries(r.parts)) parts.set(k, [...(parts.get(k) ?? []), v]);
            }
            return medianOf(running);
          },
          async () => {
            const trips: number[] = [];
            for (let i = 0; i < PER_ROUND; i++) trips.push(await workerRoundTrips(src, ex.guests.length));
            return medianOf(trips);
          },
        );
        figures.push(
          figure(samples, {
            id: `edit.${ex.id}`,
            title: ex.guests.every((g) => g.call)
              ? `Edit-to-running, ${ex.id} (${ex.guests.length} guests called one after the other): build all, run each edited guest in turn until the last one's export is called, vs ${ex.guests.length} bare worker round trips at once`
              : `Edit-to-running, ${ex.id} (${ex.guests.length} guests, handlers serving): stop, build all, start handlers, then ${ex.guests.filter((g) => g.call).length > 1 ? 'the edited guests that are called, one after the other' : 'the edited producer'}, vs ${ex.guests.length} bare worker round trips at once`,
            unit: 'ms',
            baselineName: `${ex.guests.length} worker round trips`,
            ratio: 'guest/baseline',
            goal: { op: '<=', value: 1.5 },
            // Handlers started in a worker a stopped handler handed on (runWorkerPool.ts).
            // Where the time goes (medians, ms): stopping the last run, building every guest,
            // starting the handlers one after another until serving, starting the producer.
            notes: { handlersInRecycledWorker: `${warmHandlers}/${handlers}`, ...Object.fromEntries([...parts].map(([k, v]) => [k, round1(medianOf(v))])) },
          }),
        );
      } finally {
        live.forEach((h) => h.handle.stop());
      }
    }
  } finally {
    URL.revokeObjectURL(src);
  }
  return figures;
}

/**
 * A WAT example of several guests, at least one of them called: handlers (guests without a
 * call) and one producer, or guests that are called one after the other (the 0.2 and 0.3
 * counter, a sensor and its dashboard).
 */
function isMultiGuestExample(ex: Example): boolean {
  const called = ex.guests.filter((g) => g.call);
  const handlers = ex.guests.filter((g) => !g.call);
  return !ex.customHosts && ex.guests.every((g) => g.lang === 'wat') && called.length >= 1 && ex.guests.length > 1 && handlers.every((g) => (g.subscriptions?.length ?? 0) > 0);
}

/** A handler of the last iteration and its state as it reported it. */
interface Served {
  handle: GuestHandle;
  state: string;
}

async function editAndRunAll(client: BuildClient, ex: Example, namespace: string, edit: number, previous: Served[]) {
  for (let i = 0; i < 200 && previous.some((s) => s.state !== 'serving'); i++) await new Promise((r) => setTimeout(r, 10));
  const t0 = performance.now();
  previous.forEach((s) => s.handle.stop());
  const stopped = performance.now();
  const built: Array<[Example['guests'][number], BuildArtifact]> = [];
  for (const g of ex.guests) {
    const r = await client.build(g.wit, { lang: 'wat', source: g.call ? editedSource(g.source, edit) : g.source }, { slot: `edit-serving-${g.name}` });
    if (r.status !== 'built') throw new Error(`${ex.id}/${g.name} failed to build`);
    built.push([g, r.artifact]);
  }
  const builtAt = performance.now();
  const live: Served[] = [];
  let runningMs = 0;
  let handlersAt = builtAt;
  const stages: Record<string, number> = {};
  let warmHandlers = 0;
  // Time the called guests before the last spent running their own code (a sensor that
  // sends for a second): the example's, not the playground's, so it is not counted.
  let ranMs = 0;
  const lastCalled = built.filter(([g]) => g.call).at(-1)?.[0];
  // Handlers first, as the app starts them: subscriptions exist before the producer sends.
  for (const [g, artifact] of [...built.filter(([g]) => !g.call), ...built.filter(([g]) => g.call)]) {
    const config = { guest: g.name, namespace, subscriptions: g.subscriptions ?? [], buckets: [] };
    const served: Served = { handle: undefined as unknown as GuestHandle, state: 'starting' };
    let up = false;
    let calledAt = 0;
    await new Promise<void>((resolve, reject) => {
      served.handle = startGuest(artifact, { config, ...(g.call ? { call: { name: g.call, args: [] } } : {}), timeLimitMs: 10_000 }, {
        onInstantiated: (ms, _serving, st, before) => {
          // Run-worker stages, summed over the handlers ("h:") and the producer's ("p:").
          const prefix = g.call ? 'p:' : 'h:';
          for (const [k, v] of Object.entries({ ...st, worker: ms })) stages[`${prefix}${k}`] = (stages[`${prefix}${k}`] ?? 0) + v;
          if (g.call) {
            calledAt = performance.now();
            runningMs = calledAt - t0 - ranMs;
          } else if ((before ?? 0) > 0) warmHandlers += 1;
        },
        onState: (s) => {
          served.state = s;
          if ((s !== 'serving' && s !== 'finished') || up) return;
          up = true;
          if (!g.call) handlersAt = performance.now();
          else if (g !== lastCalled) ranMs += performance.now() - calledAt;
          resolve();
        },
        onTrap: (m) => reject(new Error(`${g.name}: ${m}`)),
      });
      if (!g.call) live.push(served);
    });
  }
  const parts = { stopMs: stopped - t0, buildMs: builtAt - stopped, handlersMs: handlersAt - builtAt, producerMs: t0 + runningMs - handlersAt, ...(ranMs > 0 ? { calledRanMs: ranMs } : {}), ...stages };
  return { runningMs, live, warmHandlers, handlers: live.length, parts };
}
