// A world's spliced engine in Cache Storage (engineCacheStorage.ts): the INSTRUMENTED module,
// the one that is compiled, stored as an application/wasm body (no instrumenting pass on a
// returning visit); the original sections are read back from it
// (readInstrumentedModule), so only one ~11 MB copy is kept. The splicer's other output (the
// bindings' JS and the export/import lists) is a JSON part next to it.
import { deleteCacheEntries, readCacheEntries, readCachedBody, writeCacheEntries } from './engineCacheStorage';
import { instrumentModule, readInstrumentedModule } from './rewriteSnapshot';
import type { PreparedModule } from './snapshotModule';
import type { SplicedWorld } from './spliceForWorld';

/** The splicer's output besides the module. */
export type SpliceMeta = Pick<SplicedWorld, 'jsBindings' | 'exports' | 'imports'>;

const PARTS = ['wasm', 'json'] as const;

function isSpliceMeta(v: unknown): v is SpliceMeta {
  const m = v as SpliceMeta;
  return !!m && typeof m.jsBindings === 'string' && Array.isArray(m.exports) && Array.isArray(m.imports);
}

/**
 * The body read whole, then compiled. Not WebAssembly.compileStreaming: V8 keys its wasm code
 * cache on the response's URL, and a body stored with `cache.put(url, new Response(bytes))` comes
 * back from Cache Storage with an empty `url` (a constructed Response has none; a Chrome trace
 * shows `wasm.SetUrl` with url '' and no cached module on later pages, Chromium 150:
 * bench/probeWasmCodeCache.mjs). Streaming the entry also measured no faster than reading it
 * through blob() (about half of Response.arrayBuffer()) and compiling the bytes.
 */
async function prepareFrom(wasm: Response): Promise<PreparedModule> {
  const bytes = await readCachedBody(wasm);
  const layout = readInstrumentedModule(bytes);
  return { ...layout, compiled: await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>) };
}

/**
 * The stored splice of `key`, compiled; undefined on a miss. `onHit` is called once it is found,
 * before the compile (the build shows "cached engine" from then). A damaged entry is deleted.
 */
export async function readCachedSplice(key: string, toolchain: string, onHit: () => void): Promise<{ meta: SpliceMeta; prepared: PreparedModule } | undefined> {
  const found = await readCacheEntries(key, toolchain, PARTS);
  if (!found) return undefined;
  onHit();
  try {
    const [wasm, json] = found as [Response, Response];
    const meta: unknown = await json.json();
    if (!isSpliceMeta(meta)) throw new Error('damaged splice metadata');
    return { meta, prepared: await prepareFrom(wasm) };
  } catch {
    await deleteCacheEntries(key, toolchain, PARTS);
    return undefined;
  }
}

/**
 * Instruments a fresh splice, compiles it and stores it. The write is not waited for: a first
 * visit's build goes on while Cache Storage writes (a failed write only loses the cache). (Compiling
 * from the stored entry instead cannot give the next visit a code cache, see prepareFrom, and
 * would put the write on the first build's path.)
 */
export async function storeAndPrepareSplice(key: string, toolchain: string, meta: SpliceMeta, wasm: Uint8Array): Promise<PreparedModule> {
  const { instrumented, ...layout } = instrumentModule(wasm);
  void writeCacheEntries(
    key,
    toolchain,
    [
      ['wasm', instrumented, 'application/wasm'],
      ['json', JSON.stringify(meta), 'application/json'],
    ],
    instrumented.byteLength,
  );
  return { ...layout, compiled: await WebAssembly.compile(instrumented as Uint8Array<ArrayBuffer>) };
}
