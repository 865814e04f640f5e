// Fetching the JS engine's downloads with their progress: the engine and the preview1 adapter
// (loadJsToolchainAssets.ts), or a splice shipped with the site (fetchShippedSplice.ts). Fetches
// that overlap form one download: its EngineProgress sums their bytes, and says `ready` when the
// last of them is in; a download started later (the visitor edited a shipped world's WIT, so the
// engine itself is needed) is reported from zero again, so the page shows what really comes in.
import { reportEngineProgress } from './engineProgress';

/** Bytes received and expected per URL of the download under way. */
const received = new Map<string, { loaded: number; total: number }>();
let inFlight = 0;
/** Listeners of the download as a fraction, for a build's own progress line ("downloading 42%"). */
const listeners = new Set<(fraction: number) => void>();

const sumProgress = () => {
  let loaded = 0;
  let total = 0;
  for (const r of received.values()) {
    loaded += r.loaded;
    total += r.total;
  }
  return { loaded, total };
};

/** One progress report to both sinks: the page's EngineProgress and the builds' fraction. */
const reportDownload = () => {
  const sum = sumProgress();
  reportEngineProgress({ stage: 'download', ...sum });
  if (sum.total) for (const l of listeners) l(Math.min(1, sum.loaded / sum.total));
};

/**
 * Fetches one file of the engine's download, reporting bytes as they stream in. `gunzipTo`: the
 * file is gzipped and this many bytes long once decompressed: it is decompressed as it arrives
 * (DecompressionStream), straight into one buffer of that size, so the download and the inflate
 * overlap (a probe in Chromium: fetch, then decompress, took about the sum of the two; streamed,
 * about the decompression alone). The progress counts the bytes fetched, as the server sent them.
 */
export async function fetchEngineAsset(url: URL, gunzipTo?: number): Promise<Uint8Array> {
  if (inFlight++ === 0) received.clear();
  try {
    const bytes = gunzipTo === undefined ? await fetchBytes(url) : await fetchGunzipped(url, gunzipTo);
    if (--inFlight === 0) reportEngineProgress({ stage: 'ready', ...sumProgress() });
    return bytes;
  } catch (err) {
    if (--inFlight === 0) {
      reportEngineProgress({ stage: 'failed', ...sumProgress() });
      received.clear();
    }
    throw err;
  }
}

/** Fetches `url` and enters it in the download's progress, at its Content-Length (0 if none). */
async function openDownload(url: URL): Promise<{ res: Response; entry: { loaded: number; total: number } }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`failed to load ${url.pathname}: HTTP ${res.status}`);
  const entry = { loaded: 0, total: Number(res.headers.get('content-length') ?? 0) };
  received.set(url.href, entry);
  return { res, entry };
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
  if (!res.body) throw new Error(`failed to load ${url.pathname}: the response has no body`);
  const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      entry.loaded += chunk.length;
      if (entry.loaded > entry.total) entry.total = entry.loaded; // no (or a wrong) Content-Length
      reportDownload();
      controller.enqueue(chunk);
    },
  });
  const out = new Uint8Array(size);
  let at = 0;
  // (The DOM types give DecompressionStream a BufferSource writable; it takes these chunks.)
  const reader = res.body.pipeThrough(counted).pipeThrough<Uint8Array>(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array<ArrayBuffer>>).getReader();
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

/**
 * Reports the engine's downloads as a fraction (0–1) while the caller listens; returns the
 * unsubscribe. Nothing is reported while nothing is fetched (everything came from a cache).
 */
export function watchToolchainDownload(listener: (fraction: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
