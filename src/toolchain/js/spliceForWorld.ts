// Splicing the WIT bindings into the engine depends only on (WIT, world, features), costs ~4 s,
// and the result must also be instrumented and compiled before it can be pre-initialised. Both
// are cached in memory so a JS-only edit skips straight to initialisation, and the splice output
// is kept in Cache Storage (cachedSplice.ts) or, where there is none, IndexedDB (engineCache) so
// a returning visit skips the splicer and the engine download altogether.
import { clearEngineCache, readEngineCache, sizeOf, writeEngineCache } from './engineCache';
import { JS_TOOLCHAIN_ID, type JsToolchainAssets, type Splicer } from './loadJsToolchainAssets';
import { readCachedSplice, storeAndPrepareSplice, type SpliceMeta } from './cachedSplice';
import { hasCacheStorage } from './engineCacheStorage';
import { WIT_BINDINGS_FAILED } from './locateJsError';
import { prepareModule, type PreparedModule } from './snapshotModule';
import type { WorldShell } from './worldShell';

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
  /** The world's component without a guest, made by the world's first full build (worldShell.ts). */
  shell?: Promise<WorldShell>;
  /**
   * The shell came with a shipped splice and its bindings are not transpiled yet: the world's
   * first full build transpiles them while the guest initialises (componentizeJs).
   */
  shellBindingsDue?: boolean;
}

/** Where a splice comes from when it is in no cache, and whether to keep it across visits. */
export interface SpliceSource {
  /** Loads the splicer and the engine (the download happens here on a first visit). */
  load(): Promise<{ splicer: Splicer; assets: JsToolchainAssets }>;
  /** Read and write the splice in IndexedDB (the browser build; Node tests pass false). */
  persist: boolean;
  /** `splice` when splicing, `engine-ready` on a memory hit (a warm-up prepared it), `cached-engine` when read back from a cache, `shipped-engine` when fetched from the site. */
  onStage?: (stage: SpliceStage) => void;
  /**
   * The splice of `key` shipped with the site (fetchShippedSplice.ts), as its fetch; undefined
   * when none is. Asked only when no cache holds the world; Node tests leave it out.
   */
  findShipped?: (key: string) => Promise<(() => Promise<StoredSplice & { shell: Omit<WorldShell, 'timings'> }>) | undefined>;
}

/** The splicer's output for a world, as kept in IndexedDB (and shipped: packShippedSplice.ts). */
export interface StoredSplice {
  wasm: Uint8Array;
  jsBindings: string;
  exports: SplicedWorld['exports'];
  imports: SplicedWorld['imports'];
}

function isStoredSplice(v: unknown): v is StoredSplice {
  const s = v as StoredSplice;
  return !!s && s.wasm instanceof Uint8Array && typeof s.jsBindings === 'string' && Array.isArray(s.exports) && Array.isArray(s.imports);
}

const MAX_CACHED_WORLDS = 3;
const cache = new Map<string, Promise<SplicedWorld>>();
/** What a splice is doing: splicing, reading a stored splice back, fetching a shipped one, or (a memory hit) nothing left to do. */
export type SpliceStage = 'splice' | 'engine-ready' | 'cached-engine' | 'shipped-engine';
/**
 * Splices still pending, with what each is doing (undefined while the toolchain loads) and the
 * stage listeners of builds that joined it (e.g. a build after a warm-up started the splice).
 */
const underWay = new Map<string, { stage?: SpliceStage; joined: Set<(stage: SpliceStage) => void> }>();

// The key is the inputs themselves: WIT sources are a few KB, a Map compares them exactly, and
// crypto.subtle is missing outside secure contexts.
/** What a splice depends on, as one string: the key of every splice cache, and of the splices shipped with the site. */
export function spliceKey(witSource: string, worldName: string | undefined, features: readonly EngineFeature[]): string {
  return JSON.stringify([witSource, worldName ?? null, features]);
}

/** True when the last build for this (WIT, world, features) is still cached. */
export function isWorldCached(witSource: string, worldName: string | undefined, features: readonly EngineFeature[]): boolean {
  return cache.has(spliceKey(witSource, worldName, features));
}

/** Splices (or returns the cached splice of) the engine for a WIT world. */
export async function spliceForWorld(
  source: SpliceSource,
  witSource: string,
  worldName: string | undefined,
  features: readonly EngineFeature[],
): Promise<{ world: SplicedWorld; cacheHit: boolean }> {
  const key = spliceKey(witSource, worldName, features);
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency so the world being edited is the last one evicted.
    cache.delete(key);
    cache.set(key, hit);
    const running = underWay.get(key);
    if (!running) {
      // Said as what it is: a console line "splicing … (0 ms)" read as if nothing had been done.
      source.onStage?.('engine-ready');
      return { world: await hit, cacheHit: true };
    }
    // Joining a splice still under way: follow its stages (the download reports its own).
    const follow = (stage: SpliceStage) => source.onStage?.(stage);
    if (running.stage) follow(running.stage);
    running.joined.add(follow);
    try {
      // Not a hit for timing purposes: this build waited for the splice's own stages.
      return { world: await hit, cacheHit: false };
    } finally {
      running.joined.delete(follow);
    }
  }
  const storeKey = `splice:${key}`;
  const running: { stage?: SpliceStage; joined: Set<(stage: SpliceStage) => void> } = { joined: new Set() };
  underWay.set(key, running);
  const note = (stage: SpliceStage) => {
    running.stage = stage;
    source.onStage?.(stage);
    for (const follow of running.joined) follow(stage);
  };
  const pending = (async (): Promise<SplicedWorld> => {
    const t0 = performance.now();
    // Cache Storage where there is one (faster reads), else IndexedDB.
    const inCacheStorage = source.persist && hasCacheStorage();
    let spliced: SpliceMeta | undefined;
    let prepared: PreparedModule | undefined;
    let compileFrom: number | undefined;
    let shippedShell: Promise<WorldShell> | undefined;
    if (inCacheStorage) {
      const cached = await readCachedSplice(storeKey, JS_TOOLCHAIN_ID, () => {
        note('cached-engine');
        compileFrom = performance.now();
      });
      if (cached) {
        spliced = cached.meta;
        prepared = cached.prepared;
      }
    } else if (source.persist) {
      const stored = await readEngineCache(storeKey, JS_TOOLCHAIN_ID, isStoredSplice);
      if (stored) {
        note('cached-engine');
        compileFrom = performance.now();
        prepared = await prepareModule(stored.wasm).catch(() => undefined);
        if (prepared) spliced = stored;
        else void clearEngineCache();
      }
    }
    if (!prepared) {
      // A world shipped pre-spliced: its splice is fetched instead of the engine and the splicer's
      // run, then goes on exactly as the splicer's own output (stored, instrumented, compiled).
      const shipped = await source.findShipped?.(key).catch(() => undefined);
      let out: StoredSplice | undefined;
      if (shipped) {
        note('shipped-engine');
        // A damaged or missing file is not fatal: the world is spliced here as without it.
        const got = await shipped().catch((err: unknown) => void console.warn(`the shipped splice could not be used, splicing instead: ${describe(err)}`));
        if (got) {
          const { shell, ...splice } = got;
          out = splice;
          // Built at build time by the same steps as startWorldShell's, so this build and the
          // world's later ones patch into it as into their own (none of them runs the splicer).
          shippedShell = Promise.resolve({ ...shell, timings: { stubWasiMs: 0, componentNewMs: 0 } });
        }
      }
      if (!out) {
        const { splicer, assets } = await source.load();
        note('splice');
        try {
          const made = splicer.spliceBindings(assets.engine, [...features], witSource, undefined, worldName, false);
          out = { wasm: made.wasm, jsBindings: made.jsBindings, exports: made.exports, imports: made.imports };
        } catch (err) {
          throw new Error(`${WIT_BINDINGS_FAILED}${describe(err)}`);
        }
      }
      spliced = out;
      compileFrom = performance.now();
      if (inCacheStorage) {
        // Compiled from the stored entry when it could be stored (see cachedSplice.ts).
        const meta: SpliceMeta = { jsBindings: out.jsBindings, exports: out.exports, imports: out.imports };
        prepared = await storeAndPrepareSplice(storeKey, JS_TOOLCHAIN_ID, meta, out.wasm);
      } else {
        // Not awaited: the build goes on while IndexedDB writes (a failed write only loses the cache).
        if (source.persist) void writeEngineCache(storeKey, JS_TOOLCHAIN_ID, out, sizeOf(out));
        prepared = await prepareModule(out.wasm);
      }
    }
    const t1 = compileFrom ?? performance.now();
    const t2 = performance.now();
    return {
      key,
      features: [...features],
      jsBindings: spliced!.jsBindings,
      exports: spliced!.exports,
      imports: spliced!.imports,
      prepared,
      timings: { spliceMs: t1 - t0, compileMs: t2 - t1 },
      shell: shippedShell,
      shellBindingsDue: !!shippedShell,
    };
  })();
  cache.set(key, pending);
  pending
    .catch(() => cache.delete(key))
    .finally(() => {
      if (underWay.get(key) === running) underWay.delete(key);
    });
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
