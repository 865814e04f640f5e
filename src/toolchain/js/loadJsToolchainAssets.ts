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

import { reportEngineProgress } from './engineProgress';

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

/** Bytes received and expected per asset URL, summed into one EngineProgress. */
const received = new Map<string, { loaded: number; total: number }>();
/** Listeners of the first download as a fraction, for a build's own progress line ("downloading 42%"). */
const download = { done: false, listeners: new Set<(fraction: number) => void>() };
const sumProgress = () => {
  let loaded = 0;
  let total = 0;
  for (const r of received.values()) {
    loaded += r.loaded;
    total += r.total;
  }
  return { loaded, total };
};
/** One progress report to both sinks: the page's EngineProgress and the build's fraction. */
const reportDownload = () => {
  const sum = sumProgress();
  reportEngineProgress({ stage: 'download', ...sum });
  if (sum.total) for (const l of download.listeners) l(Math.min(1, sum.loaded / sum.total));
};

/** Fetches one asset, reporting bytes as they stream in (EngineProgress). */
async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`failed to load ${url.pathname}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const entry = { loaded: 0, total };
  received.set(url.href, entry);
  if (!res.body || !total) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    entry.loaded = entry.total = bytes.length;
    reportDownload();
    return bytes;
  }
  const out = new Uint8Array(total);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A server may send more than Content-Length claimed (it should not); fail clearly.
    if (entry.loaded + value.length > total) throw new Error(`${url.pathname}: more bytes than Content-Length`);
    out.set(value, entry.loaded);
    entry.loaded += value.length;
    reportDownload();
  }
  return entry.loaded === total ? out : out.subarray(0, entry.loaded);
}

/**
 * Reports the first download of the engine as a fraction (0–1) while it is under way;
 * returns the unsubscribe. Nothing is reported once the bytes are in memory.
 */
export function watchToolchainDownload(listener: (fraction: number) => void): () => void {
  if (download.done) return () => undefined;
  download.listeners.add(listener);
  return () => download.listeners.delete(listener);
}


let assetsPromise: Promise<JsToolchainAssets> | undefined;
let splicerPromise: Promise<Splicer> | undefined;

/** Fetches (once) the engine and adapter binaries. Tests under Node pass their own bytes instead. */
export function loadJsToolchainAssets(): Promise<JsToolchainAssets> {
  assetsPromise ??= Promise.all([fetchBytes(ENGINE_URL), fetchBytes(ADAPTER_URL)])
    .then(([engine, adapter]) => {
      download.done = true;
      download.listeners.clear();
      reportEngineProgress({ stage: 'ready', ...sumProgress() });
      return { engine, adapter };
    })
    .catch((err: unknown) => {
      assetsPromise = undefined; // let a later build retry after a network error
      reportEngineProgress({ stage: 'failed', ...sumProgress() });
      received.clear();
      throw err;
    });
  return assetsPromise;
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
