// Build-worker entries for JS/TS guests (loaded lazily by src/toolchain/buildWorker.ts).
import type { GuestSource } from '../../protocol/buildProtocol';
import type { WorldAnalysis } from '../analyzeWit';
import type { GuestBuild } from '../buildComponent';
import { SOURCE_NAME } from './buildInitEnvironment';
import { componentizeJs } from './componentizeInBrowser';
import { snapshotJsGuest } from './snapshotJsGuest';
import type { JsToolchainAssets } from './loadJsToolchainAssets';
import { rebuildJsCoreModule } from './patchCoreModule';
import { stripTypes } from './stripTypes';
import { generateBindings } from '../generateBindings';

/** The guest as plain JS, plus how to point engine messages back at the user's file. */
async function toJavaScript(guest: GuestSource, progress: (stage: string, fraction?: number) => void) {
  if (guest.lang !== 'js' && guest.lang !== 'ts') throw new Error(`the JS toolchain cannot build ${guest.lang} guests`);
  if (guest.lang === 'js') return { source: guest.source, mapMessage: (text: string) => text };
  progress('strip-types');
  const stripped = await stripTypes(guest.source, 'guest.ts');
  if (stripped.errors.length > 0) throw new Error(stripped.errors.join('\n'));
  // Engine errors cite "source.js:line:col" in the stripped JS; point them at the TypeScript.
  return { source: stripped.code, mapMessage: (text: string) => stripped.mapMessage(text, SOURCE_NAME) };
}

async function withMappedErrors<T>(mapMessage: (text: string) => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new Error(mapMessage(err instanceof Error ? err.message : String(err)));
  }
}

/** Builds a component from a JS or TS guest against the analysed world (WIT with its deps). */
export async function componentizeGuest(
  guest: GuestSource,
  world: WorldAnalysis,
  progress: (stage: string, fraction?: number) => void,
  /** Only for Node tests; the worker fetches the engine lazily. */
  assets?: JsToolchainAssets,
): Promise<GuestBuild<Uint8Array>> {
  const { source, mapMessage } = await toJavaScript(guest, progress);
  return withMappedErrors(mapMessage, async () => {
    // The world's first build transpiles its shell while the guest initialises (bindings cache).
    const prepareBindings = (shell: Uint8Array) => generateBindings(shell, world, false, undefined, () => undefined).then(() => undefined);
    const built = await componentizeJs({ source, witSource: world.source, worldName: world.world, onProgress: progress, assets, prepareBindings });
    return { output: built.component, transpileFrom: built.bindings, timings: { ...built.timings } };
  });
}

/**
 * Fast Run path: re-snapshots the guest and patches it into the transpiled files of an earlier
 * build of the SAME world (jco output with `name: 'guest'`), skipping stubWasi, componentNew and
 * transpilation (~0.2 s instead of ~2–3 s). The previous artifact's `component` bytes are then
 * stale: build fully (componentizeGuest) before offering a download. Throws if the files belong
 * to another world; the caller should fall back to a full build.
 */
export async function rebuildGuestFiles(
  guest: GuestSource,
  world: WorldAnalysis,
  previousFiles: ReadonlyArray<readonly [string, Uint8Array]>,
  progress: (stage: string, fraction?: number) => void,
  assets?: JsToolchainAssets,
): Promise<GuestBuild<[string, Uint8Array][]>> {
  const coreName = 'guest.core.wasm';
  const previousCore = previousFiles.find(([name]) => name === coreName)?.[1];
  if (!previousCore) throw new Error(`previous build has no ${coreName}; a full build is needed`);
  const { source, mapMessage } = await toJavaScript(guest, progress);
  const { coreModule, timings } = await withMappedErrors(mapMessage, () =>
    rebuildJsCoreModule({ source, witSource: world.source, worldName: world.world, onProgress: progress, assets, previousCore }),
  );
  return { output: previousFiles.map(([name, data]) => [name, name === coreName ? coreModule : data]), timings: { ...timings } };
}

/**
 * A warm-up (buildWorker's `warm`): runs the engine's initialisation once over `guest` (the
 * playground's stand-in, src/toolchain/js/warmUpSource.ts) and drops the result. A returning visit's first build otherwise pays ~0.8 s inside that first
 * initialisation alone — V8 compiles the engine's functions lazily, on their first call, and runs
 * them unoptimised at first — where a later one takes ~0.1 s. The compiled code belongs to the
 * world's compiled module, so the build that follows (any source) starts from it.
 */
export async function preinitializeGuest(guest: GuestSource, world: WorldAnalysis, assets?: JsToolchainAssets): Promise<void> {
  const { source } = await toJavaScript(guest, () => undefined);
  await snapshotJsGuest({ source, witSource: world.source, worldName: world.world, assets });
}
