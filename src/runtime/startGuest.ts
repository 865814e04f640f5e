import type { HostConfig } from '../hosts/hostContract';
import type { BuildArtifact } from '../protocol/buildProtocol';
import { validateRunResponse, type ExportCall, type LinkedGuest, type RunRequest, type RunResponse } from '../protocol/runProtocol';
import type { TraceEvent } from '../trace/traceEvent';
import { decodeTraceBatch } from '../trace/decodeTraceBatch';
import { timeLimitMessage, wasWatched, type MemoryAtStop } from './describeMemory';
import { hostWaitStopMessage } from './hostSandbox/watchHostWaits';
import { prewarmHostSandbox, type HostSandboxLease } from './hostSandbox/openHostSandbox';
import { takeHostSandbox } from './hostSandbox/preloadHostCode';
import { recycleRunWorker, refillRunWorkers, takeRunWorker } from './runWorkerPool';
import { recyclesWhenStopped, servedInterfaces } from './witNames';
import { openLogTail } from './openLogTail';

export { prewarmRunWorker } from './runWorkerPool';

/** A serving guest's spares are replaced this long after it instantiated (a called one's, when its call returns). */
const REFILL_AFTER_MS = 300;

/** Where a running guest is in its life. */
export type GuestState = 'starting' | 'running' | 'serving' | 'finished' | 'trapped' | 'timeout' | 'stopped';

/** Callbacks from a running guest; all optional. */
export interface GuestListener {
  onState?(state: GuestState): void;
  /** `from`: a linked guest running in this guest's worker wrote it (absent = the guest). */
  onLog?(stream: 'stdout' | 'stderr', text: string, from?: string): void;
  onTrace?(events: TraceEvent[]): void;
  /**
   * `exitCode` is set for a command's `wasi:cli/run` and for `wasi:cli/exit`. `value`: the
   * JSON-safe preview (a u64 as a decimal string); `text`: the value as the console prints it
   * (a u64 bare, a string quoted), absent for commands and exits.
   */
  onResult?(name: string, value: unknown, ms: number, exitCode?: number, text?: string): void;
  /**
   * `memory`: the guest's memory when it trapped, or, stopped at the time limit, its last
   * report with what it was when the stopped call began (`startBytes`).
   */
  onTrap?(message: string, stack?: string, memory?: MemoryAtStop): void;
  /**
   * The component is instantiated and its hosts attached: the guest is running. `runsBefore`:
   * how many runs its worker served before (0: fresh; more: recycled, its code compiled).
   */
  onInstantiated?(ms: number, serving: string[], stages?: Readonly<Record<string, number>>, runsBefore?: number): void;
}

/** Options for {@link startGuest}. */
export interface StartOptions {
  config: HostConfig;
  call?: ExportCall;
  /** A single guest call (or instantiation) running longer than this is killed. */
  timeLimitMs: number;
  /** Host code by package id; runs in the host-code sandbox (an opaque-origin worker). */
  customHosts?: Record<string, string>;
  /** Benchmarks only: evaluate customHosts in the run worker (RunRequest.inWorkerHosts). */
  inWorkerHosts?: boolean;
  /** This tab's id (trace store), stamped into CloudEvents sources. */
  tab?: string;
  /** Guests serving this guest's imports, instantiated in its worker (see planLinks). */
  linked?: LinkedGuest[];
  /** This guest's import id → the linked guest serving it. */
  links?: Record<string, string>;
}

/** Control of one running guest. */
export interface GuestHandle {
  readonly guest: string;
  call(call: ExportCall): void;
  /** Resolves once the output the stopped worker still held was handed to the listener (openLogTail). */
  stop(): Promise<void>;
  /** Resolves when the guest has finished its call (or trapped/was stopped). */
  settled: Promise<GuestState>;
}

let runSeq = 0;

/**
 * Runs a built component in a worker of its own: a spare, or the worker of a run that
 * returned (runWorkerPool.ts). A watchdog enforces the time limit: the
 * worker reports `busy` before each guest call and `idle` after; if `idle` doesn't come in
 * time the worker is terminated — the only way to stop a wasm loop — and the UI thread
 * never blocks.
 */
export function startGuest(artifact: BuildArtifact, opts: StartOptions, listener: GuestListener = {}): GuestHandle {
  const seq = ++runSeq;
  const hasHostCode = Object.keys(opts.customHosts ?? {}).length > 0;
  // A message handler stopped while idle hands its worker on, like a run that returned.
  const recyclesOnStop = recyclesWhenStopped(artifact.exportedInterfaces) && !hasHostCode && !opts.linked?.length && !opts.inWorkerHosts;
  const serves = servedInterfaces(artifact.exportedInterfaces).length > 0;
  const { worker, bindingsPrepared } = takeRunWorker(artifact.files, serves, serves && !recyclesOnStop);
  const taken = hasHostCode && !opts.inWorkerHosts ? takeHostSandbox(opts.customHosts!, opts.config, opts.tab) : undefined;
  const sandbox: HostSandboxLease | undefined = taken?.lease;
  let state: GuestState = 'starting';
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  // The guest's memory as last reported, and at the `busy` that armed the watchdog; when (page
  // time) it was last reported since that `busy`: was it watched until a stop?
  let memory: MemoryAtStop | undefined;
  let seenAt: number | undefined;
  // When a heartbeat last said the guest called a host or printed (was it still working at a stop?).
  let progressAt: number | undefined;
  // What sandboxed host code the guest has long been waiting for, if anything (a stop names it).
  let hostWait: string | undefined;
  let serving = false;
  // True while an export call is outstanding; `idle` between instantiation and the call must not settle.
  let pendingCall = opts.call !== undefined;
  let refillTimer: ReturnType<typeof setTimeout> | undefined;
  let ended: Promise<void> | undefined;
  // The writes the worker holds unposted while a guest floods, read if it is terminated.
  const tail = openLogTail();
  let settle!: (s: GuestState) => void;
  const settled = new Promise<GuestState>((r) => (settle = r));
  const setState = (s: GuestState) => {
    if (state === 'stopped' || state === 'timeout') return;
    state = s;
    listener.onState?.(s);
    if (s !== 'starting' && s !== 'running') settle(s);
  };
  /**
   * `recycle`: the call returned and nothing serves, or a message handler was stopped while
   * idle, so the worker holds no guest code that runs once the run is dropped: it goes back
   * to the pool (its spare replaces the one this run took). Otherwise it
   * is terminated, and a new spare replaces it. Host code evaluated in the worker itself (a
   * benchmark's) never leaves a worker for another run. Only once: a Stop after the run
   * finished must not terminate a worker already handed on.
   *
   * `drain`: the worker was ended in the middle of its work (time limit, Stop, crash), so it
   * may have held output it never posted: that is read from the log tail and shown first, then
   * `why` (the stop's message) and the state.
   */
  const end = (s: GuestState, { recycle = false, drain = false, why }: { recycle?: boolean; drain?: boolean; why?: () => void } = {}): Promise<void> => {
    if (ended) return ended;
    clearTimeout(refillTimer);
    clearTimeout(watchdog);
    // A delivery that was already running when Stop came still shows its trace and output.
    if (recycle && !opts.inWorkerHosts) recycleRunWorker(worker, seq, artifact.files, showOutput);
    else {
      refillRunWorkers();
      worker.terminate();
    }
    sandbox?.kill();
    const finish = () => {
      why?.();
      setState(s);
    };
    if (!drain) {
      tail.close();
      // Set before the listener hears of it: a call back into `end` finds the run ended.
      ended = Promise.resolve();
      finish();
    } else ended = tail.drain().then((held) => {
      for (const msg of held) if (validateRunResponse(msg) === null && msg.seq === seq) showOutput(msg);
      finish();
    });
    return ended;
  };

  /** Hands a `log` or `trace` message to the listener (during the run, and while its worker is being recycled). */
  const showOutput = (msg: RunResponse): void => {
    if (msg.type === 'log') return listener.onLog?.(msg.stream, msg.text, msg.guest);
    if (msg.type !== 'trace') return;
    let events: TraceEvent[];
    try {
      events = decodeTraceBatch(msg.batch);
    } catch (e) {
      listener.onLog?.('stderr', `[playground] run worker sent a trace batch that does not decode: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    listener.onTrace?.(events);
  };

  worker.onerror = (ev) => {
    ev.preventDefault();
    // An error the browser does not describe (no message): the worker's script did not load,
    // or the worker died outside any JavaScript (memory). It said "crashed: undefined".
    const message = ev.message ? `run worker crashed: ${ev.message}` : 'run worker crashed without saying why (its script may not have loaded, or it ran out of memory); press Run to try again';
    void end('trapped', { drain: true, why: () => listener.onTrap?.(message) });
  };
  worker.onmessage = (ev: MessageEvent<unknown>) => {
    const err = validateRunResponse(ev.data);
    if (err) return listener.onLog?.('stderr', `[playground] ${err}`);
    const msg = ev.data as RunResponse;
    if (msg.seq !== seq && msg.seq !== -1) return;
    switch (msg.type) {
      case 'busy':
        setState('running');
        clearTimeout(watchdog);
        if (memory) memory.startBytes = memory.bytes;
        seenAt = undefined;
        progressAt = undefined;
        watchdog = setTimeout(() => {
          const now = performance.now();
          const atStop = memory && { ...memory, watched: wasWatched(seenAt, now), working: wasWatched(progressAt, now) };
          const message = hostWait === undefined ? timeLimitMessage(msg.what, opts.timeLimitMs, atStop) : hostWaitStopMessage(msg.what, opts.timeLimitMs, hostWait);
          void end('timeout', { drain: true, why: () => listener.onTrap?.(message, undefined, atStop) });
        }, opts.timeLimitMs);
        break;
      case 'hostWait':
        hostWait = msg.what;
        break;
      case 'memory':
        memory = { bytes: msg.bytes, maxBytes: msg.maxBytes, startBytes: memory?.startBytes ?? msg.bytes };
        seenAt = performance.now();
        if (msg.progress) progressAt = seenAt;
        break;
      case 'idle':
        clearTimeout(watchdog);
        if (state === 'running' && serving && !pendingCall) setState('serving');
        break;
      case 'log':
        if (msg.tail !== undefined) tail.confirm(msg.tail);
        showOutput(msg);
        break;
      case 'trace':
        showOutput(msg);
        break;
      case 'instantiated':
        // New spares load once this run's start-up burst is over (its call returned, or
        // REFILL_AFTER_MS in), not while it loads or its first messages flow: on two cores
        // they compete, and a 0.3 handler then saw three back-to-back orders arrive spread out.
        refillTimer = setTimeout(refillRunWorkers, REFILL_AFTER_MS);
        // The next run of this host code (an edit loop) finds it fetched and parsed.
        if (sandbox) prewarmHostSandbox(opts.customHosts);
        serving = msg.serving.length > 0;
        listener.onInstantiated?.(msg.ms, msg.serving, msg.stages, msg.runsBefore);
        if (!opts.call) setState(serving ? 'serving' : 'finished');
        break;
      case 'result':
        pendingCall = false;
        listener.onResult?.(msg.name, msg.value, msg.ms, msg.exitCode, msg.text);
        if (!serving) void end('finished', { recycle: true });
        else {
          clearTimeout(refillTimer);
          refillRunWorkers();
          setState('serving');
        }
        break;
      case 'trap':
        pendingCall = false;
        listener.onTrap?.(msg.message, msg.stack, msg.memory);
        if (!serving) void end('trapped');
        break;
    }
  };
  const start: RunRequest = {
    type: 'start',
    seq,
    artifact: { files: artifact.files, importedInterfaces: artifact.importedInterfaces, exportedInterfaces: artifact.exportedInterfaces, exports: artifact.exports, asyncImports: artifact.asyncImports, asyncExports: artifact.asyncExports },
    config: opts.config,
    call: opts.call,
    customHosts: opts.customHosts,
    ...(sandbox ? { hostPort: sandbox.port } : {}),
    ...(taken?.loading ? { hostsLoading: true } : {}),
    ...(opts.inWorkerHosts ? { inWorkerHosts: true } : {}),
    tab: opts.tab,
    ...(opts.linked?.length ? { linked: opts.linked, links: opts.links ?? {} } : {}),
    ...(bindingsPrepared ? { bindingsPrepared } : {}),
    sentAt: performance.timeOrigin + performance.now(),
    tailPort: tail.port,
  };
  worker.postMessage(start, sandbox ? [sandbox.port, tail.port] : [tail.port]);
  listener.onState?.('starting');
  return {
    guest: opts.config.guest,
    call: (call) => {
      pendingCall = true;
      worker.postMessage({ type: 'call', seq, call } satisfies RunRequest);
    },
    // Idle as far as this page knows: the worker refuses if a delivery started meanwhile.
    stop: () => {
      const recycle = recyclesOnStop && state === 'serving' && !pendingCall;
      return end('stopped', { recycle, drain: !recycle });
    },
    settled,
  };
}
