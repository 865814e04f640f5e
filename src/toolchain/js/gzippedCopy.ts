// The JS engine's two large files (engine 10.5 MB, splicer core 5.7 MB) are shipped gzipped
// beside themselves by the build (scripts/gzippedEnginePlugin.mjs): 4.7 MB instead of 16.3 MB
// on the wire, whatever the server sends .wasm as. The build worker fetches the copy and
// inflates it as it arrives; without one (dev, an older deploy) it fetches the file itself.

/** Appended to a file's URL for its gzipped copy (gzippedEnginePlugin.mjs emits the same). */
export const GZIPPED_COPY_SUFFIX = '.gz.bin';

/** The gzipped copy's URL of `url`. */
export const gzippedCopyOf = (url: URL): URL => new URL(url.href + GZIPPED_COPY_SUFFIX);

/** A built site has the copies; `npm run dev` and the unit tests serve node_modules' files without them. */
export const siteHasCopies = (): boolean => import.meta.env?.PROD === true;

/**
 * The response for the gzipped copy of `url`, or undefined when there is none to use: not a
 * built site, a 404 (an older deploy), or a page instead of the file (a static server that
 * answers every path with index.html). The caller then fetches `url` itself.
 */
export async function openGzippedCopy(url: URL, fetcher: typeof fetch = fetch, built = siteHasCopies()): Promise<Response | undefined> {
  if (!built) return undefined;
  let res: Response;
  try {
    res = await fetcher(gzippedCopyOf(url));
  } catch {
    return undefined; // the file's own fetch reports the network error, if there is one
  }
  if (res.ok && !/^text\//.test(res.headers.get('content-type') ?? '')) return res;
  void res.body?.cancel();
  return undefined;
}

/** `body` inflated as it streams (gzip), chunk by chunk. */
export function gunzipStream(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array<ArrayBuffer>> {
  // (The DOM types give DecompressionStream a BufferSource writable; it takes these chunks.)
  return body.pipeThrough<Uint8Array<ArrayBuffer>>(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array>);
}
