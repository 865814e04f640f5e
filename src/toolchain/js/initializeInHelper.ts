// Build-worker side of initWorker.ts: posts the compiled engine and the guest, and turns the
// captured state back into the snapshot's sections (snapshotSections, as snapshotModule does).
import type { InitReply, InitRequest } from './initWorker';
import type { DataSegment } from './rewriteSnapshot';
import { snapshotSections } from './rewriteSnapshot';
import { captureTargetOf } from './snapshotModule';
import type { SplicedWorld } from './spliceForWorld';
import type { RawSection } from './wasmBinary';

/** An initialisation run in the helper: the snapshot's sections, or the guest's failure. */
export type HelperInit =
  | { ok: true; sections: RawSection[]; output: string; status: number; timings: { initializeMs: number; snapshotMs: number } }
  | { ok: false; output: string; exitCode?: number; message: string };

/** True where the initialisation can run in a helper worker (a browser worker, not Node tests). */
export function canInitializeInHelper(): boolean {
  return typeof Worker !== 'undefined';
}

/**
 * Starts the guest's initialisation in a new helper worker (closed once it replies). Resolves once
 * the helper has received the request, with the result's promise (wrapped: a promise would be
 * adopted). In Chromium a nested worker's start and the delivery of messages to it run as tasks on
 * this worker's thread, so posting and then going straight into this worker's long synchronous
 * steps (the shell's stubWasi, componentNew, transpile) held the request back until they were done:
 * no overlap at all (measured: request received 0.7 s after it was posted, with stubWasi between).
 */
export function initializeInHelper(world: SplicedWorld, source: string, initFunc: string): Promise<{ result: Promise<HelperInit> }> {
  return new Promise<{ result: Promise<HelperInit> }>((started, failedToStart) => {
    const helper = new Worker(new URL('./initWorker.ts', import.meta.url), { type: 'module', name: 'wcp-build-init' });
    let isStarted = false;
    let resolve: (r: HelperInit) => void = () => {};
    let reject: (e: Error) => void = () => {};
    const result = new Promise<HelperInit>((res, rej) => ((resolve = res), (reject = rej)));
    const { exports, imports, features, jsBindings } = world;
    const req: InitRequest = { target: captureTargetOf(world.prepared), world: { exports, imports, features, jsBindings }, source, initFunc };
    helper.postMessage(req);
    helper.onmessage = (ev: MessageEvent<InitReply | 'received'>) => {
      if (ev.data === 'received') {
        isStarted = true;
        return started({ result });
      }
      helper.terminate();
      const reply = ev.data;
      if (!reply.ok) return resolve(reply);
      const t0 = performance.now();
      const segments: DataSegment[] = reply.segments.map(([memoryIndex, offset, start, length]) => ({ memoryIndex, offset, data: reply.packed.subarray(start, start + length) }));
      const sections = snapshotSections(world.prepared, { globals: new Map(reply.globals), memoryPages: reply.memoryPages, segments }, [initFunc, '_initialize']);
      const { instantiateMs, initMs, snapshotMs } = reply.timings;
      resolve({ ok: true, sections, output: reply.output, status: reply.status, timings: { initializeMs: instantiateMs + initMs, snapshotMs: snapshotMs + performance.now() - t0 } });
    };
    helper.onerror = (ev) => {
      helper.terminate();
      const err = new Error(ev.message || 'the initialisation worker failed to start');
      if (isStarted) reject(err);
      else failedToStart(err);
    };
  });
}
