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

import { withCountedFetch } from './countSplicerDownload';
import { fetchEngineAsset } from './fetchEngineAsset';
import { siteHasCopies } from './gzippedCopy';

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

export { watchToolchainDownload } from './downloadProgress';

let splicerPromise: Promise<Splicer> | undefined;
/** Each binary's fetch, made once per URL; a failed one is dropped so a later build retries it. */
const fetched = new Map<string, Promise<Uint8Array>>();

function fetchOnce(url: URL): Promise<Uint8Array> {
  let pending = fetched.get(url.href);
  if (!pending) {
    pending = fetchEngineAsset(url).catch((err: unknown) => {
      fetched.delete(url.href); // let a later build retry after a network error
      throw err;
    });
    fetched.set(url.href, pending);
  }
  return pending;
}

/**
 * Fetches (once) the preview1 adapter: all a world's shell needs besides the splicer, so a build
 * from a shipped splice (fetchShippedSplice.ts) never fetches the 10 MB engine.
 */
export const loadAdapter = (): Promise<Uint8Array> => fetchOnce(ADAPTER_URL);

/** Fetches (once) the engine and adapter binaries. Tests under Node pass their own bytes instead. */
export async function loadJsToolchainAssets(): Promise<JsToolchainAssets> {
  const [engine, adapter] = await Promise.all([fetchOnce(ENGINE_URL), loadAdapter()]);
  return { engine, adapter };
}

/** The splicer's core modules, which its glue fetches itself while the module is evaluated. */
const SPLICER_CORE = /spidermonkey-embedding-splicer[^/]*\.wasm$/;
/** Their bytes in componentize-js 0.23.0 (core + core2), checked against the package by a test. */
export const SPLICER_CORE_BYTES = 5_708_611 + 27_254;
/**
 * What a built site sends of them: the core's gzipped copy (gzippedEnginePlugin.mjs, level 9)
 * and core2 as it is. The uncompressed size stood in before: the page announced "9.2 MB" and
 * then said "Downloaded … 4.8 MB". Checked against gzip of the package's file by a test.
 */
export const SPLICER_CORE_GZIPPED_BYTES = 1_290_190 + 27_254;

/**
 * Loads (once) the splicer; its module top-level-awaits compilation of its own core wasm, whose
 * bytes are counted in the engine's download progress. A failed load is dropped so a later
 * build retries it.
 */
export function loadSplicer(): Promise<Splicer> {
  splicerPromise ??= withCountedFetch(SPLICER_CORE, siteHasCopies() ? SPLICER_CORE_GZIPPED_BYTES : SPLICER_CORE_BYTES, () => import('../../../node_modules/@bytecodealliance/componentize-js/lib/spidermonkey-embedding-splicer.js')).then(
    (m) => m.splicer,
    (err: unknown) => {
      splicerPromise = undefined;
      throw err;
    },
  );
  return splicerPromise;
}

/** Starts loading everything a JS build needs (call when a JS guest is opened, before Build). */
export async function preloadJsToolchain(): Promise<void> {
  await Promise.all([loadJsToolchainAssets(), loadSplicer()]);
}
