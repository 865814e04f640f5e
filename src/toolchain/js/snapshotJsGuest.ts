// First half of the JS-guest build, shared by the full build and the fast Run path: load the
// toolchain, splice the world's bindings (cached), pre-initialise the engine with the source.
import { buildInitEnvironment } from './buildInitEnvironment';
import { WasiExit } from './createPreview1';
import { loadAdapter, loadJsToolchainAssets, loadSplicer, watchToolchainDownload, type JsToolchainAssets, type Splicer } from './loadJsToolchainAssets';
import { findShippedSplice } from './fetchShippedSplice';
import { snapshotModule } from './snapshotModule';
import { writeModule, type RawSection } from './wasmBinary';
import { canInitializeInHelper, initializeInHelper, type HelperInit } from './initializeInHelper';
import { describe, spliceForWorld, type EngineFeature, type SpliceSource, type SplicedWorld } from './spliceForWorld';

/** Pipeline stages reported through `onProgress`, in order. */
export type JsBuildStage = 'load-toolchain' | 'download' | 'shipped-engine' | 'splice' | 'engine-ready' | 'cached-engine' | 'initialize' | 'stub-wasi' | 'component-new' | 'patch' | 'done';

/** Input shared by the JS build entry points. */
export interface JsGuestInput {
  /** ES module source of the guest (plain JS; run TypeScript through stripTypes first). */
  source: string;
  /** WIT source; may hold several packages (nested `package x { }` blocks). */
  witSource: string;
  worldName?: string;
  /** Stage changes; `download` repeats with the fraction fetched (first build in a page only). */
  onProgress?: (stage: JsBuildStage, fraction?: number) => void;
  /** Pre-loaded binaries (Node tests read them from disk); fetched lazily otherwise. */
  assets?: JsToolchainAssets;
  /**
   * Work for this worker while the guest initialises in a helper worker (initWorker.ts) on the
   * other core, started when the work calls `startHelper` (awaited: see initializeInHelper);
   * without it (or without workers, as in Node) the initialisation runs here.
   */
  alongside?: (world: SplicedWorld, startHelper: () => Promise<void>) => (() => Promise<void>) | undefined;
  /**
   * Where the snapshot goes into a module at once (the fast Run path's patch): called with its
   * sections when this worker initialised the guest, while their data are still views of the live
   * engine's memory, so that the megabytes are copied once, straight into that module. The
   * returned snapshot's sections are not to be written again then (the engine's self-check runs
   * after this). Not called when the guest initialised in a helper worker.
   */
  patchSnapshot?: (sections: readonly RawSection[]) => void | Promise<void>;
}

/** A pre-initialised engine module for one guest source, before WASI stubbing. */
export interface GuestSnapshot {
  /** The module binary, written on first read (the fast Run path patches `sections` instead). */
  readonly wasm: Uint8Array;
  sections: RawSection[];
  features: EngineFeature[];
  /** Anything the engine printed while initialising (top-level console output, warnings). */
  initOutput: string;
  /** The spliced world it was made from (its shell, once built, serves every full build of it). */
  world: SplicedWorld;
  timings: { loadMs: number; spliceMs: number; compileMs: number; initializeMs: number; snapshotMs: number };
}

/**
 * componentize-js's defaults minus `http` and `fetch-event` (its `disableFeatures`): the
 * playground has no wasi:http host, and with them disabled the splicer drops the wasi:http
 * imports entirely. scripts/componentizeNode.mjs disables the same two, so both builds
 * import the same interfaces.
 */
export const JS_ENGINE_FEATURES: EngineFeature[] = ['stdio', 'random', 'clocks'];
const DEFAULT_FEATURES = JS_ENGINE_FEATURES;
/** The engine's Wizer entry point (componentize-js). */
const INIT_FUNC = 'componentize.wizer';
const CHECK_INIT_ERRORS: Record<number, string> = {
  1: 'Unable to extract expected exports list',
  2: 'Unable to parse the core ABI export types',
};

// With fetch-event disabled, componentize-js's "an incomingHandler export replaces fetch-event"
// rule has nothing left to remove: every source gets the same features (and one cached splice).
/** The engine features a build of `source` splices with (part of the splice's key). */
export function featuresFor(_source: string): EngineFeature[] {
  return DEFAULT_FEATURES;
}

/**
 * Loads the toolchain and splices + compiles the engine for a world ahead of the first build
 * (e.g. when a JS guest is opened or its WIT changes). The first splice in a page is the slowest
 * step (~3–5 s: V8 compiles the splicer's 5.7 MB of wasm as it runs), so doing it while the user
 * is still typing takes it off the Build click. Later builds hit the per-world cache.
 */
export async function warmJsWorld(input: Pick<JsGuestInput, 'witSource' | 'worldName' | 'assets'>): Promise<void> {
  await spliceForWorld(spliceSource(input), input.witSource, input.worldName, DEFAULT_FEATURES);
}

/**
 * The splicer and engine, loaded only when a splice is in no cache (memory, Cache Storage or
 * IndexedDB) and not shipped with the site; a shipped one is fetched instead (the browser only).
 */
function spliceSource(input: Pick<JsGuestInput, 'assets' | 'onProgress'>): SpliceSource {
  return {
    persist: !input.assets,
    onStage: (stage) => input.onProgress?.(stage),
    load: async () => {
      const [assets, splicer] = await Promise.all([input.assets ?? loadJsToolchainAssets(), loadSplicer()]);
      return { assets, splicer };
    },
    // The shipped world carries its shell too: neither the engine nor the splicer is loaded.
    findShipped: input.assets ? undefined : (key) => findShippedSplice(key),
  };
}

/** The splicer and the preview1 adapter, for the steps after the snapshot (stubWasi, componentNew): no engine needed. */
export async function loadSplicerAndAdapter(assets?: JsToolchainAssets): Promise<{ splicer: Splicer; adapter: Uint8Array }> {
  const [adapter, splicer] = await Promise.all([assets?.adapter ?? loadAdapter(), loadSplicer()]);
  return { splicer, adapter };
}

/** Runs the engine's initialisation over `source` and snapshots it (the part native Wizer did). */
export async function snapshotJsGuest(input: JsGuestInput): Promise<GuestSnapshot> {
  const { source, witSource, worldName, onProgress } = input;
  if (!source.trim()) throw new Error('the JavaScript guest source is empty');
  if (!witSource.trim()) throw new Error('the WIT source is empty');
  const t0 = performance.now();
  onProgress?.('load-toolchain');
  const features = featuresFor(source);
  // The first build in a page downloads the engine (≈10 MB) and splicer (≈6 MB), or waits for a
  // warm-up that started it: show how far. Nothing is reported when the splice comes from a cache.
  // A shipped splice's download is shown as that (`shipped-engine`), not as the engine's.
  let shown = -1;
  let downloading: JsBuildStage = 'download';
  const stageOf = (stage: JsBuildStage, fraction?: number) => {
    if (stage === 'shipped-engine') downloading = stage;
    onProgress?.(stage, fraction);
  };
  const unwatch = input.assets
    ? () => undefined
    : watchToolchainDownload((f) => {
        const percent = Math.floor(f * 100);
        if (percent !== shown) onProgress?.(downloading, (shown = percent) / 100);
      });
  const { world, cacheHit } = await spliceForWorld(spliceSource({ ...input, onProgress: stageOf }), witSource, worldName, features).finally(unwatch);
  const t1 = performance.now();

  onProgress?.('initialize');
  // Like componentize-js, drop the generated bindings' location prefix: it means nothing to users.
  const details = (output: string) => {
    const text = output.replace(/^\/initializer\.js[:\d]* ?/gm, '').trim();
    return text ? `:\n${text}` : '';
  };
  const failed = (reason: string, output: string) => new Error(`JavaScript guest failed to initialise (${reason})${details(output)}`);
  const checked = (status: number, output: string) => {
    // componentize-js runs this self-check on the Wizer output; the live instance holds the same state.
    if (status !== 0) throw failed(CHECK_INIT_ERRORS[status] ?? `unknown status ${status}`, output);
  };
  type Snap = { sections: RawSection[]; output: string; initializeMs: number; snapshotMs: number; wasm?: () => Uint8Array };
  const initializeHere = async (): Promise<Snap> => {
    let output = '';
    const env = buildInitEnvironment(world, source, (_fd, text) => (output += text));
    let local: Awaited<ReturnType<typeof snapshotModule>>;
    try {
      local = await snapshotModule(world.prepared, { initFunc: INIT_FUNC, preview1: env });
    } catch (err) {
      throw failed(err instanceof WasiExit ? `exited with code ${err.code}` : describe(err), output);
    }
    // The self-check runs the engine again: the data section must be written before it. An
    // error of the patch (a base that does not fit) comes after the check's, as it did before.
    let patchFailure: { error: unknown } | undefined;
    if (input.patchSnapshot) {
      try {
        await input.patchSnapshot(local.sections);
      } catch (error) {
        patchFailure = { error };
      }
    } else for (const s of local.sections) void s.body;
    const checkInit = local.instance.exports.check_init;
    checked(typeof checkInit === 'function' ? (checkInit() as number) : 0, output);
    if (patchFailure) throw patchFailure.error;
    const t = local.timings;
    return { sections: local.sections, output, initializeMs: t.instantiateMs + t.initMs, snapshotMs: t.snapshotMs + t.rewriteMs, wasm: () => local.wasm };
  };
  let snap: Snap;
  // The helper starts when the build's work calls `startHelper` (after its stubWasi: run side by
  // side, the two slowed each other down 2.2x and 1.25x; componentNew and transpile do not).
  let started: Promise<{ result: Promise<HelperInit> } | undefined> | undefined;
  const startHelper = async (): Promise<void> => {
    await (started ??= initializeInHelper(world, source, INIT_FUNC).catch(() => undefined));
  };
  const work = canInitializeInHelper() ? input.alongside?.(world, startHelper) : undefined;
  if (work) {
    // The build's other work runs here meanwhile; the stage stays `initialize` (the watchdog's).
    // A failure there is not this step's: finishComponent retries the shell and reports it.
    await work().catch(() => undefined);
    // Where the work failed before it started the helper.
    await startHelper();
    const done = await (await started)?.result.catch(() => undefined);
    if (done && !done.ok) throw failed(done.exitCode !== undefined ? `exited with code ${done.exitCode}` : done.message, done.output);
    if (done) checked(done.status, done.output);
    // A helper that could not start: initialise here after all.
    snap = done ? { sections: done.sections, output: done.output, ...done.timings } : await initializeHere();
  } else snap = await initializeHere();
  let wasm: Uint8Array | undefined;
  return {
    get wasm() {
      return (wasm ??= snap.wasm?.() ?? writeModule(snap.sections));
    },
    sections: snap.sections,
    features,
    initOutput: snap.output,
    world,
    timings: {
      // The load (download, or a read from IndexedDB) is inside the splice's time on a miss.
      loadMs: cacheHit ? t1 - t0 : 0,
      spliceMs: cacheHit ? 0 : world.timings.spliceMs,
      compileMs: cacheHit ? 0 : world.timings.compileMs,
      initializeMs: snap.initializeMs,
      snapshotMs: snap.snapshotMs,
    },
  };
}
