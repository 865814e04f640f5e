// componentize-js, minus Node: splice WIT bindings into the StarlingMonkey engine (cached per
// world), pre-initialise it with the user's source (snapshotModule replaces native Wizer), stub
// the WASI imports the features don't need, and wrap the core module into a component.
import { COMPONENTIZE_JS_VERSION } from './loadJsToolchainAssets';
import { loadSplicerAndAssets, snapshotJsGuest, type GuestSnapshot, type JsGuestInput } from './snapshotJsGuest';

export type { JsBuildStage } from './snapshotJsGuest';

/** Input of {@link componentizeJs}. */
export type ComponentizeJsInput = JsGuestInput;

/** Milliseconds per stage; `spliceMs`/`compileMs` are 0 when the world came from the cache. */
export interface JsBuildTimings extends Readonly<GuestSnapshot['timings']> {
  stubWasiMs: number;
  componentNewMs: number;
  totalMs: number;
}

/** Output of {@link componentizeJs}. */
export interface ComponentizeJsResult {
  component: Uint8Array;
  timings: JsBuildTimings;
  /** Anything the engine printed while initialising (top-level console output, warnings). */
  initOutput: string;
}

/** Turns a guest snapshot into a component: stub unused WASI, adapt preview1, add metadata. */
export async function finishComponent(
  snapshot: GuestSnapshot,
  input: Pick<JsGuestInput, 'witSource' | 'worldName' | 'onProgress' | 'assets'>,
): Promise<{ component: Uint8Array; stubWasiMs: number; componentNewMs: number }> {
  // After a splice read back from IndexedDB the splicer and adapter are not loaded yet.
  const { splicer, assets } = await loadSplicerAndAssets(input.assets);
  const t0 = performance.now();
  input.onProgress?.('stub-wasi');
  const stubbed = splicer.stubWasi(snapshot.wasm, [...snapshot.features], input.witSource, undefined, input.worldName);
  const t1 = performance.now();
  input.onProgress?.('component-new');
  // Imported here so loading this module stays cheap (wasm-tools compiles 2.4 MB of wasm on import).
  const { componentNew, metadataAdd } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const component = await metadataAdd(await componentNew(stubbed, [['wasi_snapshot_preview1', assets.adapter]]), [
    ['language', [['JavaScript', '']]],
    ['processed-by', [['ComponentizeJS', COMPONENTIZE_JS_VERSION]]],
  ]);
  return { component, stubWasiMs: t1 - t0, componentNewMs: performance.now() - t1 };
}

/** Builds a WebAssembly component from a JS guest entirely in the current JS realm (no server). */
export async function componentizeJs(input: ComponentizeJsInput): Promise<ComponentizeJsResult> {
  const started = performance.now();
  const snapshot = await snapshotJsGuest(input);
  const { component, stubWasiMs, componentNewMs } = await finishComponent(snapshot, input);
  input.onProgress?.('done');
  return {
    component,
    initOutput: snapshot.initOutput,
    timings: { ...snapshot.timings, stubWasiMs, componentNewMs, totalMs: performance.now() - started },
  };
}
