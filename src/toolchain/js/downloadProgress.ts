// The one-time download of the JS engine's files, as the page sees it (EngineProgress) and as a
// build's own progress line does (a fraction). Fetches that overlap form one download: its
// bytes are summed, and it is `ready` when the last of them is in; a download started later
// (the visitor edited a shipped world's WIT, so the engine itself is needed) is reported from
// zero again, so the page shows what really comes in.
import { reportEngineProgress } from './engineProgress';

/** Bytes received and expected of one file (or of files announced but not fetched yet). */
export interface DownloadEntry {
  loaded: number;
  total: number;
}

/** Entries of the download under way, by URL (or by an announcement's key). */
const received = new Map<string, DownloadEntry>();
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
export function reportDownload(): void {
  const sum = sumProgress();
  reportEngineProgress({ stage: 'download', ...sum });
  if (sum.total) for (const l of listeners) l(Math.min(1, sum.loaded / sum.total));
}

/** A fetch (or an announcement) joins the download; the first one starts a new download. */
export function beginDownload(): void {
  if (inFlight++ === 0) received.clear();
}

/** A fetch (or an announcement) leaves it; the last one out says whether it all came in. */
export function endDownload(ok: boolean): void {
  if (--inFlight !== 0) return;
  reportEngineProgress({ stage: ok ? 'ready' : 'failed', ...sumProgress() });
  if (!ok) received.clear();
}

/**
 * Bytes expected before their fetch starts (the splicer's core files are fetched by its own
 * glue once its script is in): counted in the total from the start, so the percentage does not
 * drop when they begin; `shrink` takes a file's real size off it as the file's entry comes in,
 * `settle` removes what is left.
 */
export function announceDownload(key: string, bytes: number): { shrink(by: number): void; settle(): void } {
  const entry = { loaded: 0, total: bytes };
  received.set(key, entry);
  return {
    // A file the estimate stood for entered with its own size: that much of the estimate goes.
    // (Dropping all of it at the first fetch let the total dip until the file's answer came.)
    shrink: (by) => void (entry.total = Math.max(0, entry.total - by)),
    settle: () => void received.delete(key),
  };
}

/** Fetches `url` and enters it in the download's progress, at its Content-Length (0 if none). */
export async function openDownload(url: URL, fetcher: typeof fetch = fetch): Promise<{ res: Response; entry: DownloadEntry }> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`failed to load ${url.pathname}: HTTP ${res.status}`);
  return { res, entry: enterDownload(url, res) };
}

/** Enters a response already fetched (a gzipped copy, gzippedCopy.ts) in the download's progress. */
export function enterDownload(url: URL, res: Response): DownloadEntry {
  const entry = { loaded: 0, total: Number(res.headers.get('content-length') ?? 0) };
  received.set(url.href, entry);
  return entry;
}

/**
 * Reports the engine's downloads as a fraction (0–1) while the caller listens; returns the
 * unsubscribe. Nothing is reported while nothing is fetched (everything came from a cache).
 */
export function watchToolchainDownload(listener: (fraction: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
