import { sameBytes } from '../platform/sameBytes';
import type { RunnableArtifact, RunRequest } from '../protocol/runProtocol';
import { PRECOMPILE_MAX_BYTES } from './prepareGuest';

/**
 * Run workers loaded ahead of time. A fresh worker must start, fetch and evaluate the runtime
 * and hosts, and import the guest's bindings before it can instantiate anything: most of
 * the cost of a Run once the toolchain is warm. Each run takes a spare and throws it away
 * afterwards (terminating is the only way to stop a runaway guest).
 *
 * Three spares, not one: in an edit loop (edit, Run, edit, Run…), a Learn check running its
 * guests one after another, or an example starting a producer and a handler at once, the
 * next Run often comes before a spare started at the previous Run has finished loading on
 * a busy two-core machine; each further spare has had a whole Run longer. With two, 27 of
 * 96 back-to-back edit-and-runs (bench/benchEditToRun.ts, four examples) still waited for
 * the spare to import the bindings (median 37 ms); with three, 3 of 96 did, and the run
 * request waited in the spare's queue 3.9 instead of 8.0 ms (median; load 5–12, so only
 * the counts are firm). An idle spare holds its runtime and the imported bindings, a few
 * MB. New spares start once the run that took one is instantiated, so their start-up does
 * not compete with that run's.
 *
 * Each spare is told the files of the latest run (`prepare`, see prepareGuest): after an
 * edit of a guest's code the next build has the same bindings, so the spare has imported
 * them already.
 */
const SPARES = 3;

interface Spare {
  worker: Worker;
  /** The JS bindings this spare was last told to prepare. */
  preparedJs?: Uint8Array;
}

const spares: Spare[] = [];
/** Files of the latest run started: spares load them ahead. */
let latest: RunnableArtifact['files'] | undefined;

function newRunWorker(): Worker {
  return new Worker(new URL('./runWorker.ts', import.meta.url), { type: 'module', name: 'wcp-run' });
}

const jsOf = (files: RunnableArtifact['files']) => files.find(([name]) => name.endsWith('.js'))?.[1];

/** Tells a spare to load `latest` ahead, unless it has these very bindings already. */
function prepare(spare: Spare): void {
  const js = latest && jsOf(latest);
  if (!latest || !js || (spare.preparedJs && sameBytes(spare.preparedJs, js))) return;
  spare.preparedJs = js;
  // Only what the spare loads ahead: a JavaScript guest's ~10 MB engine module is not copied to it.
  const files = latest.filter(([name, bytes]) => name.endsWith('.js') || (name.endsWith('.wasm') && bytes.length <= PRECOMPILE_MAX_BYTES));
  spare.worker.postMessage({ type: 'prepare', files } satisfies RunRequest);
}

/** Starts spares until there are {@link SPARES}. */
export function prewarmRunWorker(): void {
  if (typeof Worker === 'undefined') return;
  while (spares.length < SPARES) {
    const spare: Spare = { worker: newRunWorker() };
    prepare(spare);
    spares.push(spare);
  }
}

/**
 * The oldest spare (or a new worker when none is left) for a run of `files`; the remaining
 * spares start loading those files. Call {@link refillRunWorkers} once the run is under way.
 */
export function takeRunWorker(files: RunnableArtifact['files']): { worker: Worker; bindingsPrepared: boolean } {
  const taken = spares.shift();
  const js = jsOf(files);
  // Compared here, where the code is hot, rather than in the fresh worker's interpreter.
  const bindingsPrepared = !!(taken?.preparedJs && js && sameBytes(taken.preparedJs, js));
  latest = files;
  for (const spare of spares) prepare(spare);
  return { worker: taken?.worker ?? newRunWorker(), bindingsPrepared };
}

/** Replaces the spares taken, after the current task (the caller is handling a message). */
export function refillRunWorkers(): void {
  setTimeout(prewarmRunWorker, 0);
}
