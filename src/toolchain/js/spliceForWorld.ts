// Splicing the WIT bindings into the engine depends only on (WIT, world, features), costs ~4 s,
// and the result must also be instrumented and compiled before it can be pre-initialised. Both
// are cached in memory so a JS-only edit skips straight to initialisation.
import type { JsToolchainAssets, Splicer } from './loadJsToolchainAssets';
import { prepareModule, type PreparedModule } from './snapshotModule';

/** Engine features, as componentize-js names them. */
export type EngineFeature = 'stdio' | 'random' | 'clocks' | 'http' | 'fetch-event';

/** Per-world splice output plus its compiled, instrumented module. */
export interface SplicedWorld {
  key: string;
  features: EngineFeature[];
  jsBindings: string;
  exports: Array<[string, { params: string[]; ret?: string; retptr: boolean; retsize: number; paramptr: boolean }]>;
  imports: Array<[string, string, number]>;
  prepared: PreparedModule;
  timings: { spliceMs: number; compileMs: number };
}

const MAX_CACHED_WORLDS = 3;
const cache = new Map<string, Promise<SplicedWorld>>();

// The key is the inputs themselves: WIT sources are a few KB, a Map compares them exactly, and
// crypto.subtle is missing outside secure contexts.
function cacheKey(witSource: string, worldName: string | undefined, features: readonly EngineFeature[]): string {
  return JSON.stringify([witSource, worldName ?? null, features]);
}

/** True when the last build for this (WIT, world, features) is still cached. */
export function isWorldCached(witSource: string, worldName: string | undefined, features: readonly EngineFeature[]): boolean {
  return cache.has(cacheKey(witSource, worldName, features));
}

/** Splices (or returns the cached splice of) the engine for a WIT world. */
export async function spliceForWorld(
  splicer: Splicer,
  assets: JsToolchainAssets,
  witSource: string,
  worldName: string | undefined,
  features: readonly EngineFeature[],
): Promise<{ world: SplicedWorld; cacheHit: boolean }> {
  const key = cacheKey(witSource, worldName, features);
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency so the world being edited is the last one evicted.
    cache.delete(key);
    cache.set(key, hit);
    return { world: await hit, cacheHit: true };
  }
  const pending = (async (): Promise<SplicedWorld> => {
    const t0 = performance.now();
    let spliced: ReturnType<Splicer['spliceBindings']>;
    try {
      spliced = splicer.spliceBindings(assets.engine, [...features], witSource, undefined, worldName, false);
    } catch (err) {
      throw new Error(`WIT bindings for the JS engine could not be generated: ${describe(err)}`);
    }
    const t1 = performance.now();
    const prepared = await prepareModule(spliced.wasm);
    const t2 = performance.now();
    return {
      key,
      features: [...features],
      jsBindings: spliced.jsBindings,
      exports: spliced.exports,
      imports: spliced.imports,
      prepared,
      timings: { spliceMs: t1 - t0, compileMs: t2 - t1 },
    };
  })();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > MAX_CACHED_WORLDS) cache.delete(cache.keys().next().value!);
  return { world: await pending, cacheHit: false };
}

/** Error text from the splicer (jco wraps component errors as `{ payload }`). */
export function describe(err: unknown): string {
  if (err instanceof Error) {
    const payload = (err as { payload?: unknown }).payload;
    return typeof payload === 'string' ? payload : err.message;
  }
  return String(err);
}
