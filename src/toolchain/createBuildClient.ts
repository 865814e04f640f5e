import type { EngineProgress } from './js/engineProgress';
import type { EngineSaving } from './js/trackCacheWrites';
import { validateBuildResponse, type BuildArtifact, type BuildRequest, type BuildResponse, type Diagnostic, type GuestSource, type TypesRequest } from '../protocol/buildProtocol';
import type { CoreSignatures } from './describeCoreSignatures';

/** The worker's answer to a TypesRequest. */
type TypesAnswer = Extract<BuildResponse, { type: 'types' }>;

/** Outcome of {@link BuildClient.build}; `stale` when a newer build superseded this one. */
export type BuildResult =
  | { status: 'built'; artifact: BuildArtifact; ms: number }
  | { status: 'failed'; diagnostics: Diagnostic[]; ms: number; componentWit?: string }
  | { status: 'stale' };

/** A build sent to the worker and not answered yet. */
interface PendingBuild {
  slot: string;
  resolve: (r: BuildResult) => void;
  t0: number;
  onProgress?: (s: string, f?: number) => void;
  /** Kept so a replacement worker can be handed the build again (see `restart`). */
  request: BuildRequest;
  /** Armed while the guest's top level runs (the `initialize` stage). */
  watchdog?: ReturnType<typeof setTimeout>;
}

/** Main-thread handle on the long-lived build worker. */
export interface BuildClient {
  /** Resolves when the toolchain is loaded, with its load time in ms. */
  ready: Promise<number>;
  /**
   * Builds one guest. A newer build with the same `slot` (default "main") supersedes an
   * older one still pending, which then resolves `stale`; different slots (one per guest
   * of a multi-guest example) build independently.
   */
  build(
    wit: string,
    guest: GuestSource,
    opts?: {
      world?: string;
      slot?: string;
      onProgress?: (stage: string, fraction?: number) => void;
      /** Bypass the JS fast path (needed before downloading `artifact.component`). */
      full?: boolean;
    },
  ): Promise<BuildResult>;
  /**
   * Prepares the JS engine for a WIT world in the background (call when a JS guest's WIT is first
   * seen); with `initialize`, also initialises the engine once (see WarmRequest).
   */
  warm(wit: string, opts?: { world?: string; initialize?: boolean }): void;
  /**
   * TypeScript declarations of what a JS/TS guest of this world can import ([path, text] per
   * file), for the editors; undefined when the WIT does not analyse or the worker was replaced.
   */
  guestTypes(wit: string, opts?: { world?: string }): Promise<[string, string][] | undefined>;
  /**
   * The core imports and exports a WAT guest of this world declares, with their signatures, for
   * the WAT editor; undefined when the WIT does not analyse or the worker was replaced.
   */
  coreSignatures(wit: string, opts?: { world?: string }): Promise<CoreSignatures | undefined>;
  /**
   * Follows the one-time JS engine download (bytes loaded/total, then ready or failed);
   * returns an unsubscribe function. Events arrive whether a build or a warm-up started it.
   */
  onEngineProgress(listener: (p: EngineProgress) => void): () => void;
  /**
   * Follows the writes that keep the JS engine and a world's build for the next visit (closing
   * the page before they end loses them); returns an unsubscribe function.
   */
  onEngineSaving(listener: (s: EngineSaving) => void): () => void;
  /** Resolves once no such write is in flight (at once when none is). */
  savedForNextVisit(): Promise<void>;
  dispose(): void;
}

/**
 * How long a JS guest's `initialize` stage (the engine running the module's top level once, to
 * snapshot it) may take before the build is stopped: a top-level endless loop, typed by hand or
 * from a stranger's link, would otherwise hold the one build worker forever, and with it every
 * later build of every guest. Normal initialisations take well under a second on a quiet machine,
 * but a page's first JS build (the engine's functions compiled as they are first called) took over
 * 10 s at a load average of 12 on two cores: a slow laptop in front of a room must not be told its
 * guest loops, so the limit is generous.
 */
export const INIT_TIMEOUT_MS = 30_000;

/** The diagnostic for a build stopped by the initialisation watchdog (see INIT_TIMEOUT_MS). */
export function initTimeoutDiagnostic(ms: number): Diagnostic {
  const s = Math.round(ms / 1000);
  return {
    file: 'guest',
    line: 1,
    column: 1,
    message:
      `the module's top level did not finish within ${s} s, so the build was stopped (an endless loop at the top level?). ` +
      'A JavaScript guest runs its top-level code once while it is built, to snapshot the engine: keep long work inside the exported functions.',
  };
}

function spawnBuildWorker(): Worker {
  return new Worker(new URL('./buildWorker.ts', import.meta.url), { type: 'module', name: 'wcp-build' });
}

/**
 * Starts the build worker (tests pass a stand-in). Each build gets a sequence number; replies for older
 * numbers are dropped (their promise resolves `stale`), as in rust-playground.
 */
export function createBuildClient(createWorker: () => Worker = spawnBuildWorker, opts: { initTimeoutMs?: number } = {}): BuildClient {
  const initTimeoutMs = opts.initTimeoutMs ?? INIT_TIMEOUT_MS;
  let worker = createWorker();
  let seq = 0;
  const pending = new Map<number, PendingBuild>();
  /** Types requests not answered yet (their own seq numbers share the builds' counter). */
  const typesPending = new Map<number, (answer: TypesAnswer | undefined) => void>();
  const dropTypes = () => {
    for (const resolve of typesPending.values()) resolve(undefined);
    typesPending.clear();
  };
  const askTypes = (request: TypesRequest) =>
    new Promise<TypesAnswer | undefined>((resolve) => {
      typesPending.set(request.seq, resolve);
      worker.postMessage(request);
    });
  let resolveReady!: (ms: number) => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  const engineListeners = new Set<(p: EngineProgress) => void>();
  const savingListeners = new Set<(s: EngineSaving) => void>();
  let saving: EngineSaving = { saving: false, bytes: 0 };
  let savedWaiters: Array<() => void> = [];
  const setSaving = (next: EngineSaving) => {
    saving = next;
    for (const fn of savingListeners) fn(next);
    if (next.saving) return;
    for (const resolve of savedWaiters) resolve();
    savedWaiters = [];
  };

  /**
   * The watchdog fired: the worker is stuck in a guest's top level. Replace it (losing only its
   * in-memory caches; Cache Storage keeps the engine) and hand it the other builds still waiting.
   */
  const restart = (stuck: number) => {
    const p = pending.get(stuck);
    if (!p) return;
    worker.terminate();
    pending.delete(stuck);
    p.resolve({ status: 'failed', diagnostics: [initTimeoutDiagnostic(initTimeoutMs)], ms: performance.now() - p.t0 });
    // The old worker's writes died with it.
    if (saving.saving) setSaving({ saving: false, bytes: 0 });
    dropTypes();
    worker = createWorker();
    attach(worker);
    for (const other of pending.values()) worker.postMessage(other.request);
  };
  const settle = (p: PendingBuild) => {
    if (p.watchdog !== undefined) clearTimeout(p.watchdog);
    p.watchdog = undefined;
  };

  /** Wires a (new) build worker's replies to the pending builds. */
  const attach = (w: Worker) => {
    w.onerror = (ev) => {
      const error = new Error(`build worker failed: ${ev.message || 'could not load the toolchain'}`);
      rejectReady(error);
      for (const [, p] of pending) {
        settle(p);
        p.resolve({ status: 'failed', diagnostics: [{ file: 'build', line: 1, column: 1, message: error.message }], ms: 0 });
      }
      pending.clear();
      dropTypes();
    };
    w.onmessage = (ev: MessageEvent<unknown>) => {
      const err = validateBuildResponse(ev.data);
      if (err) return console.warn(err);
      const msg = ev.data as BuildResponse;
      if (msg.type === 'ready') return resolveReady(msg.loadMs);
      if (msg.type === 'engine-progress') {
        const { stage, loaded, total } = msg;
        for (const fn of engineListeners) fn({ stage, loaded, total });
        return;
      }
      if (msg.type === 'engine-saving') return setSaving({ saving: msg.saving, bytes: msg.bytes });
      if (msg.type === 'types') {
        typesPending.get(msg.seq)?.(msg);
        typesPending.delete(msg.seq);
        return;
      }
      const p = pending.get(msg.seq);
      if (!p) return;
      settle(p);
      if (msg.type === 'progress') {
        if (msg.stage === 'initialize') p.watchdog = setTimeout(() => restart(msg.seq), initTimeoutMs);
        return p.onProgress?.(msg.stage, msg.fraction);
      }
      pending.delete(msg.seq);
      const ms = performance.now() - p.t0;
      p.resolve(msg.type === 'built' ? { status: 'built', artifact: msg.artifact, ms } : { status: 'failed', diagnostics: msg.diagnostics, ms, componentWit: msg.componentWit });
    };
  };
  attach(worker);

  return {
    ready,
    build(wit, guest, opts = {}) {
      const my = ++seq;
      const slot = opts.slot ?? 'main';
      for (const [old, p] of pending) {
        if (p.slot !== slot) continue;
        settle(p);
        pending.delete(old);
        p.resolve({ status: 'stale' });
      }
      return new Promise<BuildResult>((resolve) => {
        const request: BuildRequest = { type: 'build', seq: my, slot, wit, world: opts.world, guest, full: opts.full };
        pending.set(my, { slot, resolve, t0: performance.now(), onProgress: opts.onProgress, request });
        worker.postMessage(request);
      });
    },
    warm: (wit, opts = {}) => worker.postMessage({ type: 'warm', wit, world: opts.world, ...(opts.initialize ? { initialize: true } : {}) }),
    guestTypes: (wit, opts = {}) => askTypes({ type: 'types', seq: ++seq, wit, world: opts.world }).then((answer) => answer?.files),
    coreSignatures: (wit, opts = {}) => askTypes({ type: 'types', seq: ++seq, wit, world: opts.world, lang: 'wat' }).then((answer) => answer?.core),
    onEngineProgress(listener) {
      engineListeners.add(listener);
      return () => engineListeners.delete(listener);
    },
    onEngineSaving(listener) {
      savingListeners.add(listener);
      return () => savingListeners.delete(listener);
    },
    savedForNextVisit: () => (saving.saving ? new Promise<void>((resolve) => savedWaiters.push(resolve)) : Promise.resolve()),
    dispose() {
      for (const p of pending.values()) settle(p);
      dropTypes();
      worker.terminate();
    },
  };
}
