// Where the JS-guest toolchain's large binaries come from. They are referenced with
// `new URL(literal, import.meta.url)` so Vite emits them as separate assets that are only fetched
// when a JS guest is first built (engine ≈10 MB, splicer ≈6 MB). componentize-js's package
// `exports` map hides lib/, hence the relative node_modules paths.

/** The three binaries the pipeline needs. */
export interface JsToolchainAssets {
  /** StarlingMonkey engine core module (componentize-js lib/starlingmonkey_embedding.wasm). */
  engine: Uint8Array;
  /** WASI preview1 → preview2 reactor adapter (jco lib/wasi_snapshot_preview1.reactor.wasm). */
  adapter: Uint8Array;
}

/** The splicer component API (jco-transpiled Rust: runs in browsers and Node). */
export type Splicer = typeof import('../../../node_modules/@bytecodealliance/componentize-js/lib/spidermonkey-embedding-splicer.js').splicer;

/** componentize-js version the assets come from; recorded in the component's producers section. */
export const COMPONENTIZE_JS_VERSION = '0.23.0';

import { fetchEngineAsset } from './fetchEngineAsset';

const ENGINE_URL = new URL(
  '../../../node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm',
  import.meta.url,
);
const ADAPTER_URL = new URL(
  '../../../node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm',
  import.meta.url,
);

/**
 * Identifies the toolchain that made a cached splice or build (engineCache): the engine's
 * content-hashed URL, and the build worker's script URL, which Vite hashes over its code and
 * the hashed names of every chunk it loads — so any change to the toolchain invalidates.
 */
export const JS_TOOLCHAIN_ID = JSON.stringify([1, COMPONENTIZE_JS_VERSION, ENGINE_URL.pathname, (globalThis as { location?: Location }).location?.pathname ?? '']);

export { watchToolchainDownload } from './fetchEngineAsset';

let enginePromise: Promise<Uint8Array> | undefined;
let adapterPromise: Promise<Uint8Array> | undefined;
let splicerPromise: Promise<Splicer> | undefined;

/** Fetches (once) the engine binary; a failed fetch is retried by the next call. */
function loadEngine(): Promise<Uint8Array> {
  enginePromise ??= fetchEngineAsset(ENGINE_URL).catch((err: unknown) => {
    enginePromise = undefined; // let a later build retry after a network error
    throw err;
  });
  return enginePromise;
}

/**
 * Fetches (once) the preview1 adapter: all a world's shell needs besides the splicer, so a build
 * from a shipped splice (fetchShippedSplice.ts) never fetches the 10 MB engine.
 */
export function loadAdapter(): Promise<Uint8Array> {
  adapterPromise ??= fetchEngineAsset(ADAPTER_URL).catch((err: unknown) => {
    adapterPromise = undefined;
    throw err;
  });
  return adapterPromise;
}

/** Fetches (once) the engine and adapter binaries. Tests under Node pass their own bytes instead. */
export async function loadJsToolchainAssets(): Promise<JsToolchainAssets> {
  const [engine, adapter] = await Promise.all([loadEngine(), loadAdapter()]);
  return { engine, adapter };
}

/** Loads (once) the splicer; its module top-level-awaits compilation of its own core wasm. */
export function loadSplicer(): Promise<Splicer> {
  splicerPromise ??= import(
    '../../../node_modules/@bytecodealliance/componentize-js/lib/spidermonkey-embedding-splicer.js'
  ).then((m) => m.splicer);
  return splicerPromise;
}

/** Starts loading everything a JS build needs (call when a JS guest is opened, before Build). */
export async function preloadJsToolchain(): Promise<void> {
  await Promise.all([loadJsToolchainAssets(), loadSplicer()]);
}
