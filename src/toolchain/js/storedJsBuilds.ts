// A returning visit's first JS build takes the fast path (re-initialise + patch, see
// patchCoreModule.ts) from the last full build of the same world made on an earlier visit.
// The transpiled files of a world differ between guest sources only in the state sections the
// patch replaces, so a stored build is as good a base as one made in this page; patchCoreModule
// still checks that it fits and falls back to a full build when it does not.
import type { BuildArtifact } from '../../protocol/buildProtocol';
import type { PreviousBuild } from '../buildComponent';
import { readEngineCache, sizeOf, writeEngineCache } from './engineCache';
import { deleteCacheEntries, hasCacheStorage, readCacheEntries, readCachedBody, writeCacheEntries } from './engineCacheStorage';
import { JS_TOOLCHAIN_ID } from './loadJsToolchainAssets';
import { packJsBuild, unpackJsBuild } from './packJsBuild';
import { stateFreeSections, withoutStateData } from './patchCoreModule';

/** The engine's core module among a build's files: the one a fast path patches (componentizeGuest.ts). */
const CORE = 'guest.core.wasm';

/** Cache Storage part name of a stored build (engineCacheStorage.ts); IndexedDB where there is none. */
const PARTS = ['build'] as const;

const keyOf = (worldKey: string) => `build:${worldKey}`;

function isArtifact(v: unknown): v is BuildArtifact {
  const a = v as BuildArtifact;
  return (
    !!a &&
    a.component instanceof Uint8Array &&
    Array.isArray(a.files) &&
    a.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && f[1] instanceof Uint8Array) &&
    Array.isArray(a.importedInterfaces) &&
    Array.isArray(a.exports) &&
    typeof a.componentWit === 'string'
  );
}

/** The stored full build of this world from an earlier visit, if any. */
export async function readStoredJsBuild(worldKey: string): Promise<PreviousBuild | undefined> {
  return (await findStoredJsBuild(worldKey))?.read();
}

/**
 * Whether this world has a stored build, and how to read it. With Cache Storage, finding an entry
 * does not read its ~12 MB body, so a returning visit learns at once that the engine's splice is
 * kept too and can start reading and compiling that while the build is read. IndexedDB cannot
 * tell without reading the value: there the build is read before it is reported found.
 */
export async function findStoredJsBuild(worldKey: string): Promise<{ read(): Promise<PreviousBuild | undefined> } | undefined> {
  if (hasCacheStorage()) {
    const found = await readCacheEntries(keyOf(worldKey), JS_TOOLCHAIN_ID, PARTS);
    return found && { read: () => unpackStored(worldKey, found[0]!) };
  }
  const artifact = await readEngineCache(keyOf(worldKey), JS_TOOLCHAIN_ID, isArtifact);
  return artifact && { read: async () => ({ worldKey, artifact }) };
}

async function unpackStored(worldKey: string, body: Response): Promise<PreviousBuild | undefined> {
  try {
    const artifact = unpackJsBuild(await readCachedBody(body));
    if (!isArtifact(artifact)) throw new Error('stored build: not an artifact');
    return { worldKey, artifact };
  } catch {
    await deleteCacheEntries(keyOf(worldKey), JS_TOOLCHAIN_ID, PARTS);
    return undefined;
  }
}

/**
 * Keeps a FULL JS build (not a fast-path one: its files are as good a base, but storing every
 * Run would rewrite ~12 MB per edit) for later visits. Without its component bytes: a stored
 * build is only ever a fast-path base, whose artifact is `componentStale` anyway, and the
 * ~12 MB component would double what a returning visit reads before its first build.
 */
export async function storeJsBuild(build: PreviousBuild): Promise<void> {
  if (build.artifact.componentStale) return;
  const { timings: _timings, sourceMap: _sourceMap, ...artifact } = build.artifact;
  const value: BuildArtifact = { ...artifact, component: new Uint8Array(0), componentStale: true, timings: {} };
  // The core module is kept without the state a patch replaces anyway (~2.8 MB less to write
  // and read), written straight into the packed body.
  const core = value.files.find(([name]) => name === CORE)?.[1];
  if (hasCacheStorage()) {
    const packed = packJsBuild(value, new Map(core ? [[CORE, stateFreeSections(core)]] : []));
    await writeCacheEntries(keyOf(build.worldKey), JS_TOOLCHAIN_ID, [['build', packed, 'application/octet-stream']], packed.byteLength);
  } else {
    const files = value.files.map(([name, data]): [string, Uint8Array] => [name, name === CORE ? withoutStateData(data) : data]);
    await writeEngineCache(keyOf(build.worldKey), JS_TOOLCHAIN_ID, { ...value, files }, sizeOf(files));
  }
}
