// The splices shipped with the site (scripts/shippedSplicesPlugin.mjs splices every example's JS
// world at build time): a first visit's build of an example fetches its splice and shell (~6.2 MB gzipped)
// instead of the engine (10.5 MB) and running the splicer (~3 s on a cold page). The manifest is
// a chunk of its own, loaded only on a splice that no cache holds. `npm run dev` ships none (the
// plugin splices only in `vite build`): there every world is spliced in the browser, as before.
import { COMPONENTIZE_JS_VERSION } from './loadJsToolchainAssets';
import { fetchEngineAsset } from './fetchEngineAsset';
import { unpackShippedSplice, type ShippedSpliceBody } from './packShippedSplice';

/** One entry of the manifest (virtual:wcp-shipped-splices). */
export interface ShippedSpliceEntry {
  /** spliceKey(WIT, world, features) of the splice, compared whole (no hash: see spliceForWorld). */
  key: string;
  /** Where the gzipped packShippedSplice file is (content-hashed). */
  url: string;
  /** componentize-js version whose engine and splicer made it (its package.json at build time). */
  componentizeJs: string;
  /** The file's length once decompressed (it is inflated into one buffer of that size). */
  bytes: number;
}

/** The manifest, or none where it cannot load (a build without it behaves as dev does). */
async function readManifest(): Promise<readonly ShippedSpliceEntry[]> {
  try {
    return (await import('virtual:wcp-shipped-splices')).default;
  } catch {
    return [];
  }
}

/**
 * The shipped splice of `key`, as a function that fetches it; undefined when none is shipped for
 * exactly this key and engine. `manifest` is for tests (the built site's by default).
 */
export async function findShippedSplice(key: string, manifest?: readonly ShippedSpliceEntry[]): Promise<(() => Promise<ShippedSpliceBody>) | undefined> {
  const entry = (manifest ?? (await readManifest())).find((e) => e.key === key);
  // A splice made by another engine must never be used (the manifest and the engine come from one build; this is a guard).
  if (!entry || entry.componentizeJs !== COMPONENTIZE_JS_VERSION) return undefined;
  return () => fetchShippedSplice(new URL(entry.url, globalThis.location?.href), entry.bytes);
}

/**
 * Fetches (progress reported as the engine's download), decompresses as it arrives (the
 * platform's DecompressionStream, browsers and Node alike) and unpacks one shipped splice.
 */
export async function fetchShippedSplice(url: URL, bytes: number): Promise<ShippedSpliceBody> {
  return unpackShippedSplice(await fetchEngineAsset(url, bytes));
}
