/// <reference lib="webworker" />
import type { HostContext, HostPackage } from '../hosts/hostContract';
import { validateRunRequest, type ExportCall, type RunnableArtifact, type RunRequest, type RunResponse } from '../protocol/runProtocol';
import { coerceArgs } from './coerceArgs';
import { GuestExit } from './createWasiBase';
import { describeError } from './describeError';
import { explainResultOutsideMemory } from './explainExportResult';
import { isMemoryFull, memoryFullNote } from './describeMemory';
import { guestMemoryUse, reportGuestMemory, watchGuestMemory } from './guestMemory';
import { findExport, loadGuest, unfinishedTasks } from './loadGuest';
import { pickLoadedAhead, prepareGuest, type PreparedGuest } from './prepareGuest';
import { loadCustomHosts } from './loadCustomHosts';
import { createSandboxedHosts } from './hostSandbox/createSandboxedHosts';
import { formatResult } from './formatResult';
import { renderValue, restartResourceIds } from './renderValue';
import { wrapTracedExports } from './wrapTracedExports';
import { importsFor, instantiateLinked, type LinkedInstances } from './linking/linkGuests';
import { createTraceQueue } from './createTraceQueue';
import { createHostBackend } from '../hosts/backend/createHostBackend';
import { createBusyReporter } from './createBusyReporter';
import { createLogCoalescer } from './createLogCoalescer';
import { createLogTail } from './createLogTail';
import { closeAllBuses, flushAllBuses, settleAllBuses, settlingBuses } from '../hosts/messaging/createBus';
import { forgetGuestWaitHooks } from '../platform/beforeGuestWaits';
import { restoreRunPatches } from '../platform/patchForRun';
import type { HostBackend } from '../hosts/backend/backendTypes';
import { isCliRun, recyclesWhenStopped, servedInterfaces, servesP3Handler } from './witNames';
import { endRun } from '../platform/atRunEnd';

/**
 * A worker that runs one guest at a time. The main thread terminates it to stop a runaway
 * guest (a trap, a timeout, a Stop during a call, a guest serving watchers); a run that
 * ended cleanly, or a message handler stopped while idle, is dropped on `recycle` instead,
 * and the worker, its runtime and hosts already compiled by V8, takes a later run (see
 * runWorkerPool.ts).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let seq = 0;
/**
 * Whether run `seq` owns the worker: false before its start and after its recycle. Posts
 * of any other run (a late timer of a recycled one) are dropped here, and every post of a
 * run carries the seq it captured at its start, never a later run's.
 */
let live = false;
/** Runs this worker started before the current one (recycled runs). */
let runsBefore = -1;
/** Export calls of the run under way, Run's and hosts' (deliveries): a worker is recycled only between calls. */
let calling = 0;
/** The run brought host code or guests linked into this worker: while it serves, only terminating ends them. */
let hasExtras = false;
/** The run's storage and bus backend, closed when the run is recycled. */
let backend: HostBackend | undefined;
let guestExports: Record<string, unknown> | undefined;
let artifact: RunnableArtifact;

const postNow = (msg: RunResponse) => {
  if ((live && msg.seq === seq) || msg.seq === -1) scope.postMessage(msg);
};
/** The held prints' way out if the page terminates this worker before they are posted (createLogTail.ts). */
const logTail = createLogTail();
/** A guest's prints, joined while they come fast (createLogCoalescer.ts); sent before any other message. */
const logs = createLogCoalescer(postNow, undefined, {
  hold: (msg) => {
    if (live && msg.seq === seq) logTail.hold(msg);
  },
  seal: () => logTail.seal(),
});
const post = (msg: RunResponse) => {
  if (msg.type === 'log') return logs.push(msg);
  logs.flush();
  postNow(msg);
};
let trace: ReturnType<typeof createTraceQueue>;
/** Guests serving this guest's imports (guests linked to guests), instantiated in this worker. */
let linked: LinkedInstances | undefined;
/**
 * Every trace queue of this worker (the guest's own and its linked guests') and every bus
 * burst still waiting: called before a call's result goes out, after which the main
 * thread may terminate this worker.
 */
const flushTrace = () => {
  flushAllBuses();
  linked?.flush();
  trace.flush();
};
/** The last host call that returned an error: a guest that traps right after usually trapped because of it. */
let lastFailedCall: { iface: string; fn: string; result?: unknown } | undefined;
/** What this worker loaded ahead while it was the spare (see prepareGuest); taken by the run. */
let prepared: PreparedGuest | undefined;
/** What the last run loaded: a later run of the same bindings (a recycled worker) reuses it warm. */
let kept: PreparedGuest | undefined;

scope.onmessage = (ev: MessageEvent<unknown>) => {
  const err = validateRunRequest(ev.data);
  if (err) {
    post({ type: 'trap', seq: -1, message: `run worker rejected a message: ${err}` });
    return;
  }
  const req = ev.data as RunRequest;
  if (req.type === 'prepare') prepared = prepareGuest(req.files, kept);
  else if (req.type === 'start') void start(req);
  else if (req.type === 'recycle') void recycle(req.seq);
  else if (req.seq === seq && live) void callExport(req.call);
};

async function start(req: Extract<RunRequest, { type: 'start' }>): Promise<void> {
  seq = req.seq;
  live = true;
  runsBefore += 1;
  logTail.attach(req.tailPort);
  // Captured: hosts' callbacks that fire late must not speak for a later run.
  const runSeq = req.seq;
  artifact = req.artifact;
  const runTrace = createTraceQueue(req.config.guest, (batch) => post({ type: 'trace', seq: runSeq, batch }));
  // Host-driven export calls (handlers, watchers) report to the watchdog through this; one
  // per run, so a late idle check of a recycled run never speaks for the next.
  const exportsBusy = createBusyReporter((msg) => post({ ...msg, seq: runSeq }));
  hasExtras = Object.keys(req.customHosts ?? {}).length > 0 || (req.linked?.length ?? 0) > 0;
  trace = runTrace;
  watchGuestMemory((memory) => post({ type: 'memory', seq: runSeq, ...memory }));
  const ctx: HostContext = {
    config: req.config,
    tab: req.tab,
    emit: (event) => runTrace.push(event),
    log: (stream, text) => post({ type: 'log', seq: runSeq, stream, text }),
  };
  const t0 = performance.now();
  // Where the time to "instantiated" goes, per stage (ms), for the edit-to-running bench.
  const stages: Record<string, number> = {};
  // Time the request spent on its way and in this worker's queue (a spare still loading).
  if (req.sentAt !== undefined) stages.queued = Math.max(0, performance.timeOrigin + t0 - req.sentAt);
  let lapAt = t0;
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = (stages[name] ?? 0) + now - lapAt;
    lapAt = now;
  };
  try {
    // Browser storage, or a connection to the NATS server the user chose. Before the
    // watchdog's "instantiate" phase: a slow network is not a runaway guest, and the
    // connect has its own timeout with a readable error.
    ctx.backend = await createHostBackend(req.config.backend);
    backend = ctx.backend;
    lap('backend');
  } catch (e) {
    report(e);
    return;
  }
  post({ type: 'busy', seq, what: 'instantiate' });
  try {
    const custom: HostPackage[] = await customHostsFor(req, ctx);
    if (custom.length) lap('hostCode');
    const sink = (e: Parameters<typeof trace.push>[0]) => {
      if (e.kind === 'call' && !e.ok) lastFailedCall = e;
      runTrace.push(e);
    };
    linked = await instantiateLinked(req.linked ?? [], { ctx, custom, post: (msg) => post({ ...msg, seq: runSeq }) });
    const { imports, packages } = await importsFor(req.artifact, req.links, ctx, sink, custom, linked.exports);
    lap('hosts');
    const ahead = pickLoadedAhead(req.artifact.files, prepared, kept, req.bindingsPrepared === true);
    prepared = undefined;
    guestExports = await loadGuest(req.artifact, imports, lap, ahead, (loaded) => (kept = loaded));
    // Hosts drive the guest's exported interfaces (incoming-handler, watcher); a guest
    // exporting any interface stays alive to serve them after its `run` call.
    const traced = wrapTracedExports(guestExports, {
      trace,
      busy: exportsBusy,
      isCurrent: () => live && runSeq === seq,
      enter: () => void (calling += 1),
      exit: () => void (calling -= 1),
    });
    for (const pkg of packages) await pkg.attachExports?.(ctx, traced);
    lap('attach');
    // "instantiated" shows the guest serving and starts the producers, in other workers with
    // connections of their own: the server must have its subscriptions (NATS SUBs, consumer
    // groups, watches) by then, or their first sends find no subscriber and are lost. Nothing
    // to wait for on the browser backend (undefined: not even a microtask).
    const subscribing = settlingBuses();
    if (subscribing) {
      await subscribing;
      lap('subscribe');
    }
    const serving = servedInterfaces(req.artifact.exportedInterfaces);
    runTrace.push({ kind: 'lifecycle', phase: 'start', ms: performance.now() - t0 });
    post({ type: 'instantiated', seq, ms: performance.now() - t0, serving, stages, runsBefore });
    post({ type: 'idle', seq });
    if (req.call) await callExport(req.call);
  } catch (e) {
    report(e);
  }
}

/** Custom host code runs in the sandbox; only a benchmark may ask for it in this worker. */
async function customHostsFor(req: Extract<RunRequest, { type: 'start' }>, ctx: HostContext): Promise<HostPackage[]> {
  const sources = req.customHosts ?? {};
  if (Object.keys(sources).length === 0) return [];
  if (req.inWorkerHosts) return loadCustomHosts(sources);
  if (!req.hostPort) throw new Error('custom host code needs the host-code sandbox, and this run has none');
  const runSeq = req.seq;
  return createSandboxedHosts(req.hostPort, sources, ctx, req.hostsLoading === true, (what) => post({ type: 'hostWait', seq: runSeq, ...(what === undefined ? {} : { what }) }));
}

async function callExport(call: ExportCall): Promise<void> {
  const hash = call.name.lastIndexOf('#');
  const iface = hash < 0 ? '' : call.name.slice(0, hash);
  const name = call.name.slice(hash + 1);
  const fn = guestExports && findExport(guestExports, iface, name);
  if (!fn) {
    post({ type: 'trap', seq, message: `the component has no export named "${call.name}"` });
    return;
  }
  const info = artifact.exports.find((e) => e.iface === iface && e.name === name);
  const command = isCliRun(iface);
  const t0 = performance.now();
  // The memory the call starts with: growth while it runs is measured from here.
  reportGuestMemory();
  post({ type: 'busy', seq, what: call.name });
  calling += 1;
  try {
    let value: unknown;
    try {
      value = await fn(...coerceArgs(call.args, info?.params ?? []));
    } finally {
      // Sends still on their way to a NATS server arrive before the worker may be terminated.
      await settleAllBuses();
    }
    trace.push({ kind: 'lifecycle', phase: 'exit', detail: command ? 'run → ok (exit code 0)' : name, ms: performance.now() - t0 });
    flushTrace();
    // wasi:cli/run returns `result`: jco returns nothing for ok and throws for err.
    post({ type: 'result', seq, name, value: command ? 'ok' : renderValue(value), ms: performance.now() - t0, ...(command ? { exitCode: 0 } : { text: formatResult(value) }) });
  } catch (e) {
    if (command && isErrResult(e)) {
      trace.push({ kind: 'lifecycle', phase: 'exit', detail: 'run → err (exit code 1)', ms: performance.now() - t0 });
      flushTrace();
      post({ type: 'result', seq, name, value: 'err', ms: performance.now() - t0, exitCode: 1 });
    } else report(e, performance.now() - t0, { name, result: info?.result });
  } finally {
    calling -= 1;
    post({ type: 'idle', seq });
  }
}

/** How long a recycled run's backend may take to close (a NATS drain) before the worker answers anyway. */
const CLOSE_LIMIT_MS = 1000;

/**
 * Drops run `runSeq`, which ended cleanly, and answers `recycled`: from here on nothing of
 * it posts (`live`) or reaches its guest (wrapTracedExports), the hosts' deliveries stop
 * (atRunEnd), its buses are closed (their listeners gone) and its backend's connections end.
 * Its instance, hosts and exports are left to the garbage collector. Refused (the page then
 * terminates the worker) unless the run is the current one, no call or delivery of it is
 * under way, and whatever it serves ends with it.
 */
async function recycle(runSeq: number): Promise<void> {
  // A guest serving nothing holds nothing once its call returned; a server must be a plain message handler.
  const endsWithRun = (): boolean => servedInterfaces(artifact.exportedInterfaces).length === 0 || (!hasExtras && recyclesWhenStopped(artifact.exportedInterfaces));
  // A 0.3 guest's export may have returned while its task goes on (detached work): that task
  // would outlive the run here. A 0.3 handler whose glue cannot say is not handed on either.
  const tasksLeft = (): boolean => (unfinishedTasks(guestExports) ?? (servesP3Handler(artifact.exportedInterfaces) ? 1 : 0)) > 0;
  if (runSeq !== seq || !live || calling > 0 || !endsWithRun() || tasksLeft()) {
    scope.postMessage({ type: 'recycled', seq: runSeq, refused: true } satisfies RunResponse);
    return;
  }
  logs.flush();
  live = false;
  logTail.attach(undefined);
  const closing = backend;
  backend = undefined;
  // First: no delivery may start once the page has stopped the run.
  endRun();
  closeAllBuses();
  forgetGuestWaitHooks();
  // Host classes wrapped for its trace (and faults) go back to what a fresh worker has.
  restoreRunPatches();
  restartResourceIds();
  guestExports = undefined;
  linked = undefined;
  lastFailedCall = undefined;
  watchGuestMemory();
  prepared = undefined;
  if (closing) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([closing.close().catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, CLOSE_LIMIT_MS)))]);
    clearTimeout(timer);
  }
  // The page hands this worker to a new run only after this answer.
  scope.postMessage({ type: 'recycled', seq: runSeq } satisfies RunResponse);
}

/** `call`: the export whose call failed, to explain a result its bindings could not read. */
function report(e: unknown, ms = 0, call?: { name: string; result: string | undefined }): void {
  if (e instanceof GuestExit) {
    trace.push({ kind: 'lifecycle', phase: 'exit', detail: e.message });
    flushTrace();
    post({ type: 'result', seq, name: 'exit', value: e.code, ms, exitCode: e.code });
    return;
  }
  const described = describeError(e);
  const { stack } = described;
  const memory = guestMemoryUse();
  let message = (call && explainResultOutsideMemory(e, call.name, call.result, memory?.bytes)) || described.message;
  // A WAT guest meets an error result with `unreachable`; name the error it could not handle.
  if (e instanceof WebAssembly.RuntimeError && /unreachable/.test(e.message) && lastFailedCall) {
    message += ` — right after ${lastFailedCall.iface}#${lastFailedCall.fn} returned an error: ${errorText(lastFailedCall.result)}`;
  }
  // A trap with the memory full is most likely a failed allocation ending in `unreachable`.
  if (memory && e instanceof WebAssembly.RuntimeError && isMemoryFull(memory)) message += ` — ${memoryFullNote(memory)}`;
  trace.push({ kind: 'lifecycle', phase: 'trap', detail: message });
  flushTrace();
  post({ type: 'trap', seq, message, stack, ...(memory ? { memory } : {}) });
}

/** jco's ComponentError: an export returned `err(…)` (carries `payload`), as opposed to a trap. */
function isErrResult(e: unknown): boolean {
  return e instanceof Error && 'payload' in e;
}

function errorText(result: unknown): string {
  const r = result as { tag?: unknown; val?: unknown } | null;
  if (r && typeof r === 'object' && typeof r.val === 'string') return r.val;
  return typeof result === 'string' ? result : JSON.stringify(result);
}
