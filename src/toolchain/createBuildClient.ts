import type { EngineProgress } from './js/engineProgress';
import { validateBuildResponse, type BuildArtifact, type BuildResponse, type Diagnostic, type GuestSource } from '../protocol/buildProtocol';

/** Outcome of {@link BuildClient.build}; `stale` when a newer build superseded this one. */
export type BuildResult =
  | { status: 'built'; artifact: BuildArtifact; ms: number }
  | { status: 'failed'; diagnostics: Diagnostic[]; ms: number; componentWit?: string }
  | { status: 'stale' };

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
   * Follows the one-time JS engine download (bytes loaded/total, then ready or failed);
   * returns an unsubscribe function. Events arrive whether a build or a warm-up started it.
   */
  onEngineProgress(listener: (p: EngineProgress) => void): () => void;
  dispose(): void;
}

function spawnBuildWorker(): Worker {
  return new Worker(new URL('./buildWorker.ts', import.meta.url), { type: 'module', name: 'wcp-build' });
}

/**
 * Starts the build worker (tests pass a stand-in). Each build gets a sequence number; replies for older
 * numbers are dropped (their promise resolves `stale`), as in rust-playground.
 */
export function createBuildClient(createWorker: () => Worker = spawnBuildWorker): BuildClient {
  const worker = createWorker();
  let seq = 0;
  const pending = new Map<number, { slot: string; resolve: (r: BuildResult) => void; t0: number; onProgress?: (s: string, f?: number) => void }>();
  let resolveReady!: (ms: number) => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  const engineListeners = new Set<(p: EngineProgress) => void>();

  worker.onerror = (ev) => {
    const error = new Error(`build worker failed: ${ev.message || 'could not load the toolchain'}`);
    rejectReady(error);
    for (const [, p] of pending) p.resolve({ status: 'failed', diagnostics: [{ file: 'build', line: 1, column: 1, message: error.message }], ms: 0 });
    pending.clear();
  };
  worker.onmessage = (ev: MessageEvent<unknown>) => {
    const err = validateBuildResponse(ev.data);
    if (err) return console.warn(err);
    const msg = ev.data as BuildResponse;
    if (msg.type === 'ready') return resolveReady(msg.loadMs);
    if (msg.type === 'engine-progress') {
      const { stage, loaded, total } = msg;
      for (const fn of engineListeners) fn({ stage, loaded, total });
      return;
    }
    const p = pending.get(msg.seq);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.(msg.stage, msg.fraction);
    pending.delete(msg.seq);
    const ms = performance.now() - p.t0;
    p.resolve(msg.type === 'built' ? { status: 'built', artifact: msg.artifact, ms } : { status: 'failed', diagnostics: msg.diagnostics, ms, componentWit: msg.componentWit });
  };

  return {
    ready,
    build(wit, guest, opts = {}) {
      const my = ++seq;
      const slot = opts.slot ?? 'main';
      for (const [old, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(old);
        p.resolve({ status: 'stale' });
      }
      return new Promise<BuildResult>((resolve) => {
        pending.set(my, { slot, resolve, t0: performance.now(), onProgress: opts.onProgress });
        worker.postMessage({ type: 'build', seq: my, slot, wit, world: opts.world, guest, full: opts.full });
      });
    },
    warm: (wit, opts = {}) => worker.postMessage({ type: 'warm', wit, world: opts.world, ...(opts.initialize ? { initialize: true } : {}) }),
    onEngineProgress(listener) {
      engineListeners.add(listener);
      return () => engineListeners.delete(listener);
    },
    dispose: () => worker.terminate(),
  };
}
