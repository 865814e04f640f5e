/// <reference lib="webworker" />
// Runs a world's first guest initialisation (the engine running the module's top level, the part
// native Wizer did) on the other core, while the build worker finishes the world's shell
// (worldShell.ts: componentNew, jco's transpile; started after its stubWasi, which the two slowed
// down side by side), which does not depend on it. The
// compiled engine is shared with the build worker (a posted WebAssembly.Module keeps its code),
// so nothing is compiled twice. Terminated with the build worker (a nested worker lives no longer
// than its parent): the build client's initialisation watchdog still stops a looping top level.
import { buildInitEnvironment } from './buildInitEnvironment';
import { WasiExit } from './createPreview1';
import { captureInitializedState, type CaptureTarget } from './snapshotModule';
import type { SnapshotValue } from './rewriteSnapshot';
import type { SplicedWorld } from './spliceForWorld';

/** The build worker's request. */
export interface InitRequest {
  target: CaptureTarget;
  world: Pick<SplicedWorld, 'exports' | 'imports' | 'features' | 'jsBindings'>;
  source: string;
  initFunc: string;
}

/** The captured state (segments packed into one transferred buffer), or why the guest failed. */
export type InitReply =
  | {
      ok: true;
      output: string;
      /** componentize-js's `check_init` self-check on the live instance (0: fine). */
      status: number;
      globals: Array<[number, SnapshotValue]>;
      memoryPages: number[];
      packed: Uint8Array;
      /** memory index, offset in memory, start in `packed`, length. */
      segments: Array<[number, number, number, number]>;
      timings: { instantiateMs: number; initMs: number; snapshotMs: number };
    }
  | { ok: false; output: string; exitCode?: number; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<InitRequest>) => {
  // The build worker waits for this before its own long steps (see initializeInHelper).
  scope.postMessage('received');
  const { target, world, source, initFunc } = ev.data;
  let output = '';
  try {
    const env = buildInitEnvironment(world, source, (_fd, text) => (output += text));
    const { instance, state, timings } = await captureInitializedState(target, { initFunc, preview1: env });
    const checkInit = instance.exports.check_init;
    const status = typeof checkInit === 'function' ? (checkInit() as number) : 0;
    const packed = new Uint8Array(state.segments.reduce((n, s) => n + s.data.length, 0));
    const segments: Array<[number, number, number, number]> = [];
    let at = 0;
    for (const seg of state.segments) {
      packed.set(seg.data, at);
      segments.push([seg.memoryIndex, seg.offset, at, seg.data.length]);
      at += seg.data.length;
    }
    const reply: InitReply = { ok: true, output, status, globals: [...state.globals], memoryPages: state.memoryPages, packed, segments, timings };
    scope.postMessage(reply, [packed.buffer]);
  } catch (err) {
    const exitCode = err instanceof WasiExit ? err.code : undefined;
    const payload = (err as { payload?: unknown } | undefined)?.payload;
    const message = typeof payload === 'string' ? payload : err instanceof Error ? err.message : String(err);
    scope.postMessage({ ok: false, output, exitCode, message } satisfies InitReply);
  }
};

