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

const ENGINE_URL = new URL(
  '../../../node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm',
  import.meta.url,
);
const ADAPTER_URL = new URL(
  '../../../node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm',
  import.meta.url,
);

/** Bytes of the first download so far, for the build's progress line ("downloading 42%"). */
const download = { received: 0, total: 0, done: false, listeners: new Set<(fraction: number) => void>() };

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`failed to load ${url.pathname}: HTTP ${res.status}`);
  // content-length is the compressed size when a server gzips: the fraction is then approximate.
  const length = Number(res.headers.get('content-length') ?? 0);
  if (!res.body || !length) return new Uint8Array(await res.arrayBuffer());
  download.total += length;
  const chunks: Uint8Array[] = [];
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    download.received += value.length;
    for (const l of download.listeners) l(Math.min(1, download.received / download.total));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
      return { engine, adapter };
    })
    .catch((err: unknown) => {
      assetsPromise = undefined; // let a later build retry after a network error
      Object.assign(download, { received: 0, total: 0 });
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
