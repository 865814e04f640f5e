// Fetching the JS engine's downloads with their progress: the engine and the preview1 adapter
// (loadJsToolchainAssets.ts), or a splice shipped with the site (fetchShippedSplice.ts). Fetches
// that overlap form one download: its EngineProgress sums their bytes, and says `ready` when the
// last of them is in; a download started later (the visitor edited a shipped world's WIT, so the
// engine itself is needed) is reported from zero again, so the page shows what really comes in.
import { beginDownload, endDownload, enterDownload, openDownload, reportDownload, type DownloadEntry } from './downloadProgress';
import { gunzipStream, gzippedCopyOf, openGzippedCopy } from './gzippedCopy';

/**
 * Fetches one file of the engine's download, reporting bytes as they stream in. `gunzipTo`: the
 * file is gzipped and this many bytes long once decompressed: it is decompressed as it arrives
 * (DecompressionStream), straight into one buffer of that size, so the download and the inflate
 * overlap (a probe in Chromium: fetch, then decompress, took about the sum of the two; streamed,
 * about the decompression alone). The progress counts the bytes fetched, as the server sent them.
 */
export async function fetchEngineAsset(url: URL, gunzipTo?: number): Promise<Uint8Array> {
  beginDownload();
  try {
    const bytes = gunzipTo === undefined ? await fetchSmallest(url) : await fetchGunzipped(url, gunzipTo);
    endDownload(true);
    return bytes;
  } catch (err) {
    endDownload(false);
    throw err;
  }
}

/** The file's gzipped copy inflated, when the site has one (gzippedCopy.ts), else the file. */
async function fetchSmallest(url: URL): Promise<Uint8Array> {
  const copy = await openGzippedCopy(url);
  if (!copy) return fetchBytes(url);
  const at = gzippedCopyOf(url);
  return readGunzipped(copy, enterDownload(at, copy), at);
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const { res, entry } = await openDownload(url);
  const { total } = entry;
  if (!res.body || !total) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    entry.loaded = entry.total = bytes.length;
    reportDownload();
    return bytes;
  }
  const out = new Uint8Array(total);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A server may send more than Content-Length claimed (it should not); fail clearly.
    if (entry.loaded + value.length > total) throw new Error(`${url.pathname}: more bytes than Content-Length`);
    out.set(value, entry.loaded);
    entry.loaded += value.length;
    reportDownload();
  }
  return entry.loaded === total ? out : out.subarray(0, entry.loaded);
}

async function fetchGunzipped(url: URL, size: number): Promise<Uint8Array> {
  const { res, entry } = await openDownload(url);
  return readGunzipped(res, entry, url, size);
}

/**
 * Inflates a gzipped response as it arrives, counting the bytes fetched; `size`, when known
 * (a shipped splice's manifest), is the inflated length, checked, and the one buffer it goes to.
 */
async function readGunzipped(res: Response, entry: DownloadEntry, url: URL, size?: number): Promise<Uint8Array> {
  if (!res.body) throw new Error(`failed to load ${url.pathname}: the response has no body`);
  const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      entry.loaded += chunk.length;
      if (entry.loaded > entry.total) entry.total = entry.loaded; // no (or a wrong) Content-Length
      reportDownload();
      controller.enqueue(chunk);
    },
  });
  const inflated = gunzipStream(res.body.pipeThrough(counted));
  if (size === undefined) return new Uint8Array(await new Response(inflated).arrayBuffer());
  const out = new Uint8Array(size);
  let at = 0;
  const reader = inflated.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) throw new Error(`${url.pathname}: longer than the ${size} bytes its manifest says`);
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new Error(`${url.pathname}: ${at} bytes, its manifest says ${size}`);
  return out;
}
