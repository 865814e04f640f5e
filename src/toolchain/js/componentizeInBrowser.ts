// componentize-js, minus Node: splice WIT bindings into the StarlingMonkey engine (cached per
// world), pre-initialise it with the user's source (snapshotModule replaces native Wizer), stub
// the WASI imports the features don't need, and wrap the core module into a component.
import { componentNew, metadataAdd } from '@bytecodealliance/jco-transpile/wasm-tools';
import { buildInitEnvironment } from './buildInitEnvironment';
import { WasiExit } from './createPreview1';
import { COMPONENTIZE_JS_VERSION, loadJsToolchainAssets, loadSplicer, type JsToolchainAssets } from './loadJsToolchainAssets';
import { snapshotModule } from './snapshotModule';
import { describe, spliceForWorld, type EngineFeature } from './spliceForWorld';

/** Pipeline stages reported through `onProgress`, in order. */
export type JsBuildStage = 'load-toolchain' | 'splice' | 'initialize' | 'stub-wasi' | 'component-new' | 'done';

/** Input of {@link componentizeJs}. */
export interface ComponentizeJsInput {
  /** ES module source of the guest (plain JS; see stripTypes for TypeScript). */
  source: string;
  /** WIT source; may hold several packages (nested `package x { }` blocks). */
  witSource: string;
  worldName?: string;
  onProgress?: (stage: JsBuildStage) => void;
  /** Pre-loaded binaries (Node tests read them from disk); fetched lazily otherwise. */
  assets?: JsToolchainAssets;
}

/** Milliseconds per stage; `spliceMs`/`compileMs` are 0 when the world came from the cache. */
export interface JsBuildTimings {
  loadMs: number;
  spliceMs: number;
  compileMs: number;
  initializeMs: number;
  snapshotMs: number;
  stubWasiMs: number;
  componentNewMs: number;
  totalMs: number;
}

/** Output of {@link componentizeJs}. */
export interface ComponentizeJsResult {
  component: Uint8Array;
  timings: JsBuildTimings;
  /** Anything the engine printed while initialising (warnings, console output at top level). */
  initOutput: string;
}

/** Same default feature set as componentize-js, so both builds import the same interfaces. */
const DEFAULT_FEATURES: EngineFeature[] = ['stdio', 'random', 'clocks', 'http', 'fetch-event'];
const CHECK_INIT_ERRORS: Record<number, string> = {
  1: 'Unable to extract expected exports list',
  2: 'Unable to parse the core ABI export types',
};

function featuresFor(source: string): EngineFeature[] {
  // Like componentize-js: a hand-written wasi:http incoming handler replaces the fetch-event one.
  const exportsIncomingHandler = /export\s+(?:async\s+)?(?:const|let|var|function\*?|class)\s+incomingHandler\b|export\s*\{[^}]*\bincomingHandler\b/.test(source);
  return DEFAULT_FEATURES.filter((f) => !(f === 'fetch-event' && exportsIncomingHandler));
}

/** Builds a WebAssembly component from a JS guest entirely in the current JS realm (no server). */
export async function componentizeJs(input: ComponentizeJsInput): Promise<ComponentizeJsResult> {
  const { source, witSource, worldName, onProgress } = input;
  if (!source.trim()) throw new Error('the JavaScript guest source is empty');
  if (!witSource.trim()) throw new Error('the WIT source is empty');
  const started = performance.now();
  onProgress?.('load-toolchain');
  const [assets, splicer] = await Promise.all([input.assets ?? loadJsToolchainAssets(), loadSplicer()]);
  const t1 = performance.now();

  onProgress?.('splice');
  const features = featuresFor(source);
  const { world, cacheHit } = await spliceForWorld(splicer, assets, witSource, worldName, features);

  onProgress?.('initialize');
  let output = '';
  const env = buildInitEnvironment(world, source, (_fd, text) => (output += text));
  let snap: Awaited<ReturnType<typeof snapshotModule>>;
  try {
    snap = await snapshotModule(world.prepared, { initFunc: 'componentize.wizer', preview1: env });
  } catch (err) {
    const reason = err instanceof WasiExit ? `exited with code ${err.code}` : describe(err);
    throw new Error(`JavaScript guest failed to initialise (${reason})${output ? `:\n${output.trim()}` : ''}`);
  }
  const checkInit = snap.instance.exports.check_init;
  const status = typeof checkInit === 'function' ? (checkInit() as number) : 0;
  if (status !== 0) {
    throw new Error(`${CHECK_INIT_ERRORS[status] ?? `Unknown error during initialization: ${status}`}${output ? `\n${output.trim()}` : ''}`);
  }
  const t3 = performance.now();

  onProgress?.('stub-wasi');
  const stubbed = splicer.stubWasi(snap.wasm, [...features], witSource, undefined, worldName);
  const t4 = performance.now();

  onProgress?.('component-new');
  const component = await metadataAdd(await componentNew(stubbed, [['wasi_snapshot_preview1', assets.adapter]]), [
    ['language', [['JavaScript', '']]],
    ['processed-by', [['ComponentizeJS', COMPONENTIZE_JS_VERSION]]],
  ]);
  const t5 = performance.now();
  onProgress?.('done');
  return {
    component,
    initOutput: output,
    timings: {
      loadMs: t1 - started,
      spliceMs: cacheHit ? 0 : world.timings.spliceMs,
      compileMs: cacheHit ? 0 : world.timings.compileMs,
      initializeMs: snap.timings.instantiateMs + snap.timings.initMs,
      snapshotMs: snap.timings.snapshotMs + snap.timings.rewriteMs,
      stubWasiMs: t4 - t3,
      componentNewMs: t5 - t4,
      totalMs: t5 - started,
    },
  };
}
