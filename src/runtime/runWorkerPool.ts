import { sameBytes } from '../platform/sameBytes';
import { validateRunResponse, type RunnableArtifact, type RunRequest, type RunResponse } from '../protocol/runProtocol';
import { PRECOMPILE_MAX_BYTES } from './prepareGuest';

/**
 * Run workers loaded ahead of time. A fresh worker must start, fetch and evaluate the runtime
 * and hosts, and import the guest's bindings before it can instantiate anything: most of
 * the cost of a Run once the toolchain is warm. Each run takes a spare. A run that traps,
 * times out, is stopped mid-call or serves watchers ends with its worker terminated (the
 * only way to stop a runaway guest); one whose call returned, or a message handler stopped
 * while idle, gives its worker back ({@link recycleRunWorker}),
 * and the next run takes it first: V8 has compiled the runtime, hosts, trace writer and glue
 * helpers there already, where a fresh worker compiles them again during the run, on the
 * same two cores (stop 33: 140–230 ms of background compile per flood of 4,000).
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

/**
 * Spares kept at most when workers are handed back: a handler example restarted in an edit
 * loop (a producer and two handlers) hands back three at each Run, and each is worth more
 * than a fresh one (its guest's bindings stay loaded there). Fresh spares count only up to
 * SPARES; beyond MAX_SPARES the longest unused warm one goes: each idle worker holds a few MB.
 */
const MAX_SPARES = SPARES + 2;

interface Spare {
  worker: Worker;
  /** The JS bindings this spare was last told to prepare. */
  preparedJs?: Uint8Array;
  /** It ran a guest before (recycled): its code is compiled; kept before fresh spares. */
  warm?: boolean;
  /** The JS bindings of the run it last served (warm only): that module is loaded there, warm too. */
  keptJs?: Uint8Array;
}

const spares: Spare[] = [];
/** Files of the latest run started: spares load them ahead. */
let latest: RunnableArtifact['files'] | undefined;
/** Files of the latest run started that keeps its worker until terminated: one fresh spare loads them ahead. */
let latestKept: RunnableArtifact['files'] | undefined;

function newRunWorker(): Worker {
  return new Worker(new URL('./runWorker.ts', import.meta.url), { type: 'module', name: 'wcp-run' });
}

const jsOf = (files: RunnableArtifact['files']) => files.find(([name]) => name.endsWith('.js'))?.[1];

/**
 * Tells a fresh spare to load `latest` ahead, unless it has these very bindings already; one
 * fresh spare loads those of `latestKept` instead. A guest that keeps its worker (a watcher)
 * starts in a fresh worker at every Run, so its next Run finds its bindings there; every
 * other guest finds its own in the warm worker it gave back. A warm spare keeps what its
 * last run loaded: loading another guest's bindings there would only keep it busy
 * (30–70 ms) when a run of its own guest comes (an edit loop, a handler restarted).
 */
function prepare(spare: Spare): void {
  if (spare.warm) return;
  const keptJs = latestKept && jsOf(latestKept);
  const held = keptJs !== undefined && spares.some((s) => s !== spare && !s.warm && s.preparedJs !== undefined && sameBytes(s.preparedJs, keptJs));
  const target = keptJs && !held ? latestKept : latest;
  const js = target && jsOf(target);
  if (!target || !js || (spare.preparedJs && sameBytes(spare.preparedJs, js))) return;
  spare.preparedJs = js;
  // Only what the spare loads ahead: a JavaScript guest's ~10 MB engine module is not copied to it.
  const files = target.filter(([name, bytes]) => name.endsWith('.js') || (name.endsWith('.wasm') && bytes.length <= PRECOMPILE_MAX_BYTES));
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
 * Which spare a run takes, best first:
 * 1. a warm spare that last ran these very bindings (an edit loop, a Learn check, a bench
 *    round, a handler restarted): its glue is loaded and compiled;
 * 2. a fresh spare that imported them ahead (`prepare`): importing a guest's bindings
 *    (30–50 ms) costs more than what a warm worker saves on the runtime;
 * 3. for a run that works during its call (it serves nothing), the warm spare unused the
 *    longest, whose runtime and hosts V8 has compiled (a flood's producer sent 2,000
 *    messages twice as fast in one, bench `messaging.sendRate`); the others keep their
 *    guests' bindings for the runs that want them. Not the only warm spare while a fresh
 *    one is left: that one keeps the bindings of the guest that ran last, and a Run of two
 *    guests called one after the other (the 0.2 and 0.3 counter) would otherwise hand one
 *    worker back and forth, each guest importing its bindings at every Run;
 * 4. a fresh one (the oldest, the most loaded); for a serving guest, which mostly waits
 *    for messages, before any warm one.
 * A guest that serves what only terminating ends (`keeps`: a watcher) never gives its worker
 * back, so it takes a fresh spare (best one that loaded its bindings, see {@link prepare}) if
 * there is one and leaves the warm ones to runs that do.
 */
function pickSpare(js: Uint8Array | undefined, serves: boolean, keeps: boolean): number {
  const has = (bytes: Uint8Array | undefined) => bytes !== undefined && js !== undefined && sameBytes(bytes, js);
  const fresh = spares.findIndex((s) => !s.warm);
  const prepared = spares.findIndex((s) => !s.warm && has(s.preparedJs));
  if (keeps) return prepared >= 0 ? prepared : fresh < 0 ? 0 : fresh;
  const same = spares.findIndex((s) => s.warm && has(s.keptJs));
  if (same >= 0) return same;
  if (prepared >= 0) return prepared;
  if (serves && fresh >= 0) return fresh;
  const warm = spares.findLastIndex((s) => s.warm);
  if (warm < 0) return 0;
  return fresh >= 0 && spares.findIndex((s) => s.warm) === warm ? fresh : warm;
}

/**
 * A spare (see {@link pickSpare}; a new worker when none is left) for a run of `files`; the
 * remaining spares start loading those files. `serves`: the guest exports interfaces hosts
 * drive; `keeps`: it keeps its worker until terminated. Call {@link refillRunWorkers} once
 * the run is under way.
 */
export function takeRunWorker(files: RunnableArtifact['files'], serves = false, keeps = serves): { worker: Worker; bindingsPrepared: boolean } {
  const js = jsOf(files);
  const [taken] = spares.length > 0 ? spares.splice(pickSpare(js, serves, keeps), 1) : [];
  // Compared here, where the code is hot, rather than in the fresh worker's interpreter.
  const bindingsPrepared = !!(taken?.preparedJs && js && sameBytes(taken.preparedJs, js));
  latest = files;
  if (keeps) latestKept = files;
  for (const spare of spares) prepare(spare);
  return { worker: taken?.worker ?? newRunWorker(), bindingsPrepared };
}

/** Replaces the spares taken, after the current task (the caller is handling a message). */
export function refillRunWorkers(): void {
  setTimeout(prewarmRunWorker, 0);
}

/** How long a worker may take to drop its run (a NATS connection draining) before it is terminated. */
const RECYCLE_LIMIT_MS = 2000;

/**
 * Takes back the worker of run `seq`, whose call returned and which serves nothing, or a
 * message handler stopped while idle: it is told to drop the run (`recycle`) and, once it
 * answers, becomes the first spare. A worker that refuses (a delivery was under way), does
 * not answer within {@link RECYCLE_LIMIT_MS}, or fails, is terminated and replaced. Until
 * the answer, the run's own messages (the trace of a delivery that was already running)
 * go to `forward`. Spares beyond {@link SPARES} are trimmed, fresh ones first (see {@link MAX_SPARES}).
 */
export function recycleRunWorker(worker: Worker, seq: number, files: RunnableArtifact['files'], forward?: (msg: RunResponse) => void): void {
  let done = false;
  const finish = (ok: boolean): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    worker.onmessage = null;
    worker.onerror = null;
    if (!ok) {
      worker.terminate();
      refillRunWorkers();
      return;
    }
    const spare: Spare = { worker, warm: true, keptJs: jsOf(files) };
    spares.unshift(spare);
    // Fresh spares beyond SPARES go first: each is told to load every run's bindings ahead
    // (30–70 ms of CPU per run started, on the cores a flood is using). Then warm ones beyond
    // MAX_SPARES, the longest unused first.
    while (spares.length > SPARES) {
      const fresh = spares.findLastIndex((s) => !s.warm);
      if (fresh < 0) break;
      spares.splice(fresh, 1)[0]!.worker.terminate();
    }
    while (spares.length > MAX_SPARES) spares.pop()!.worker.terminate();
  };
  const timer = setTimeout(() => finish(false), RECYCLE_LIMIT_MS);
  worker.onerror = (ev) => {
    ev.preventDefault();
    finish(false);
  };
  worker.onmessage = (ev: MessageEvent<unknown>) => {
    if (validateRunResponse(ev.data) !== null) return;
    const msg = ev.data as RunResponse;
    if (msg.seq !== seq) return;
    if (msg.type === 'recycled') finish(msg.refused !== true);
    else forward?.(msg);
  };
  worker.postMessage({ type: 'recycle', seq } satisfies RunRequest);
}
