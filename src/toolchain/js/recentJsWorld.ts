// Which WIT world the last JS/TS build of this origin was for, so that a returning visit's build
// worker can bring that world's stored build and spliced engine into memory (read + compile,
// ≈0.7 s) while the page loads, before anyone presses Run (buildWorker.ts, `recallEarly`). Only
// the WIT text is kept, never guest code, and nothing of the guest runs at load: a stranger's
// link may loop forever at its top level.
//
// Its own small cache, next to the engine cache (engineCacheStorage.ts) but outside it: that one
// keeps its newest six keys and lists its entries as splices and builds. Secure contexts only
// (Cache Storage); on plain http the first build reads its stored build itself, as before.
import { hasCacheStorage } from './engineCacheStorage';
import { JS_TOOLCHAIN_ID } from './loadJsToolchainAssets';

const CACHE_NAME = 'wcp-recent-js-world';
const ENTRY_URL = '/__wcp-recent-js-world.json';
/** Older than this, the visitor has likely moved on: no read at load for a world not used lately. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/** The world of the last JS build (as the build request named it). */
export interface RecentJsWorld {
  wit: string;
  world?: string;
}

interface Stored extends RecentJsWorld {
  toolchain: string;
  at: number;
}

function isStored(v: unknown): v is Stored {
  const s = v as Stored;
  return !!s && typeof s.wit === 'string' && typeof s.toolchain === 'string' && typeof s.at === 'number' && (s.world === undefined || typeof s.world === 'string');
}

const entryUrl = () => new URL(ENTRY_URL, globalThis.location?.href ?? 'http://localhost/').href;

/** What this worker last wrote (a Run after a JS-only edit writes nothing; a new page writes once, refreshing its age). */
let written = '';

/** Notes the world of a JS build that succeeded; a failed write only loses the hint. */
export async function rememberJsWorld(recent: RecentJsWorld): Promise<void> {
  if (!hasCacheStorage()) return;
  const value: Stored = { wit: recent.wit, world: recent.world, toolchain: JS_TOOLCHAIN_ID, at: Date.now() };
  const same = JSON.stringify([value.wit, value.world]);
  if (same === written) return;
  written = same;
  try {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(entryUrl(), new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }));
  } catch {
    written = '';
  }
}

/** The world of this origin's last JS build with this toolchain, if recent; undefined otherwise. */
export async function recallJsWorld(now = Date.now()): Promise<RecentJsWorld | undefined> {
  if (!hasCacheStorage()) return undefined;
  try {
    if (!(await caches.has(CACHE_NAME))) return undefined;
    const found = await (await caches.open(CACHE_NAME)).match(entryUrl());
    const value: unknown = await found?.json();
    if (!isStored(value) || value.toolchain !== JS_TOOLCHAIN_ID || now - value.at > MAX_AGE_MS) return undefined;
    return { wit: value.wit, world: value.world };
  } catch {
    return undefined;
  }
}
