// The engine cache (engineCache.ts) in Cache Storage, where the browser has it (secure contexts:
// https and localhost). A returning visit reads ~12 MB of stored build and ~11 MB of spliced
// engine before its first build: Cache Storage hands back a 12 MB body 3–5× faster than
// IndexedDB deserialises the same bytes (measured in Chromium). (V8 keeps no compiled code next to
// such an entry: a Response put here as `new Response(bytes)` is matched back without a URL, which
// the wasm code cache is keyed on, so a returning visit compiles the splice again; see
// cachedSplice.ts.)
// Plain-http origins have no Cache Storage and keep using IndexedDB.
//
// A cache, never user data: every failure is a miss, a write that would crowd the origin's quota
// is skipped, and a failing write deletes the cache so the space goes back to the user.

import { sha256Hex } from '../../platform/sha256Hex';
import { trackCacheWrite } from './trackCacheWrites';

/** Cache names start with this; the rest identifies the toolchain, so old toolchains' caches go. */
const CACHE_PREFIX = 'wcp-engine-';
/** Newest keys kept (a world has a splice and a build, each ~11–12 MB). */
const MAX_KEYS = 6;
/** Bytes left free for the user's data when deciding whether a write fits. */
const RESERVE_BYTES = 200e6;

/** True where Cache Storage can be used (secure contexts only). */
export function hasCacheStorage(): boolean {
  return typeof caches !== 'undefined' && globalThis.isSecureContext !== false;
}

let opened: Promise<Cache | undefined> | undefined;
let openedName = '';

/** This toolchain's cache; other toolchains' caches are deleted on first use. */
function openCache(toolchain: string): Promise<Cache | undefined> {
  opened ??= (async () => {
    try {
      const name = (openedName = CACHE_PREFIX + sha256Hex(toolchain).slice(0, 16));
      for (const old of await caches.keys()) if (old.startsWith(CACHE_PREFIX) && old !== name) void caches.delete(old);
      return await caches.open(name);
    } catch {
      return undefined;
    }
  })();
  return opened;
}

/** Entry URL of a key's part: never fetched, only a name within the cache (under this origin). */
function urlOf(key: string, part: string): string {
  return new URL(`/__wcp-engine-cache/${sha256Hex(key)}.${part}`, globalThis.location?.href ?? 'http://localhost/').href;
}

/** The stored parts of `key` (all or nothing), or undefined on a miss or without Cache Storage. */
export async function readCacheEntries(key: string, toolchain: string, parts: readonly string[]): Promise<Response[] | undefined> {
  try {
    const cache = await openCache(toolchain);
    if (!cache) return undefined;
    const found = await Promise.all(parts.map((p) => cache.match(urlOf(key, p))));
    return found.every((r): r is Response => !!r) ? found : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stored body's bytes. Through blob(): Chromium hands a Cache Storage entry over as a blob
 * about twice as fast as Response.arrayBuffer() drains it chunk by chunk (10–12 MB entries).
 */
export async function readCachedBody(body: Response): Promise<Uint8Array> {
  return new Uint8Array(await (await body.blob()).arrayBuffer());
}

/** Forgets every part of `key` (a damaged entry). */
export async function deleteCacheEntries(key: string, toolchain: string, parts: readonly string[]): Promise<void> {
  try {
    const cache = await openCache(toolchain);
    await Promise.all(parts.map((p) => cache?.delete(urlOf(key, p))));
  } catch {
    /* a later write evicts it */
  }
}

/**
 * Stores the parts of `key` (name → body, `bytes` in all) and resolves the stored responses in
 * the same order, or undefined when nothing was stored (no Cache Storage, quota, a failed write).
 */
export function writeCacheEntries(
  key: string,
  toolchain: string,
  parts: ReadonlyArray<readonly [string, Uint8Array | string, string]>,
  bytes: number,
): Promise<Response[] | undefined> {
  // Reported while in flight (trackCacheWrites.ts): a page closed before the end loses the entry.
  return trackCacheWrite(bytes, () => writeNow(key, toolchain, parts, bytes), (stored) => stored !== undefined);
}

async function writeNow(key: string, toolchain: string, parts: ReadonlyArray<readonly [string, Uint8Array | string, string]>, bytes: number): Promise<Response[] | undefined> {
  const cache = await openCache(toolchain);
  if (!cache) return undefined;
  try {
    const est = await navigator.storage?.estimate?.().catch(() => undefined);
    if (est?.quota && est.quota - (est.usage ?? 0) < bytes + RESERVE_BYTES) return undefined;
    const urls = parts.map(([p]) => urlOf(key, p));
    for (const [i, [, body, type]] of parts.entries()) {
      await cache.put(urls[i]!, new Response(body as BodyInit, { headers: { 'content-type': type } }));
    }
    await evictOld(cache);
    const stored = await Promise.all(urls.map((u) => cache.match(u)));
    return stored.every((r): r is Response => !!r) ? stored : undefined;
  } catch {
    // A failed write (quota): give the space back to the user's data; the next write starts over.
    opened = undefined;
    await caches.delete(openedName).catch(() => false);
    return undefined;
  }
}

/** Keeps the MAX_KEYS newest keys (entries are listed in insertion order; a key's parts share a hash). */
async function evictOld(cache: Cache): Promise<void> {
  const requests = await cache.keys();
  const hashOf = (r: Request) => r.url.slice(r.url.lastIndexOf('/') + 1).split('.')[0]!;
  const order: string[] = [];
  for (const r of requests) {
    const h = hashOf(r);
    const at = order.indexOf(h);
    if (at >= 0) order.splice(at, 1);
    order.push(h);
  }
  const evict = new Set(order.slice(0, Math.max(0, order.length - MAX_KEYS)));
  for (const r of requests) if (evict.has(hashOf(r))) await cache.delete(r);
}
