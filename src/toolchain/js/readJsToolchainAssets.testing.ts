import { readFile } from 'node:fs/promises';
import type { JsToolchainAssets } from './loadJsToolchainAssets';

const root = new URL('../../../', import.meta.url);

/** The JS engine and the WASI adapter from node_modules, as the browser build fetches them (Node tests). */
export async function readJsToolchainAssets(): Promise<JsToolchainAssets> {
  const [engine, adapter] = await Promise.all([
    readFile(new URL('node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm', root)),
    readFile(new URL('node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm', root)),
  ]);
  return { engine: new Uint8Array(engine), adapter: new Uint8Array(adapter) };
}
