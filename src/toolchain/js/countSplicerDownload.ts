// Counting bytes that code other than ours fetches: the splicer's jco glue fetches its own
// core modules (5.7 MB) and compiles them with compileStreaming, so the one-time download the
// page shows is the whole of it, engine and splicer, not the engine alone.
import { announceDownload, beginDownload, endDownload, enterDownload, openDownload, reportDownload } from './downloadProgress';
import { gunzipStream, gzippedCopyOf, openGzippedCopy } from './gzippedCopy';

/**
 * A Response for `url` whose body is counted into the download's progress as it is read: for
 * a file fetched by code that is not ours (the splicer's jco glue fetches its own 5.7 MB core
 * and compiles it with `compileStreaming`), so the one-time download the page shows is the
 * whole of it, engine and splicer, not the engine alone. `onEntered` hears the file's size as
 * it joins the download (an announced estimate gives that much up then).
 */
export async function fetchCounted(url: URL, fetcher: typeof fetch = fetch, onEntered?: (total: number) => void): Promise<Response> {
  beginDownload();
  let open = true;
  const finish = (ok: boolean) => {
    if (!open) return;
    open = false;
    endDownload(ok);
  };
  try {
    // The file's gzipped copy when the site has one (gzippedCopy.ts): counted as fetched,
    // handed on inflated, as application/wasm (compileStreaming insists on it).
    const copy = await openGzippedCopy(url, fetcher);
    const { res, entry } = copy ? { res: copy, entry: enterDownload(gzippedCopyOf(url), copy) } : await openDownload(url, fetcher);
    onEntered?.(entry.total);
    const reader = res.body?.getReader();
    if (!reader) {
      finish(true);
      return res;
    }
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            finish(true);
            controller.close();
            return;
          }
          entry.loaded += value.length;
          if (entry.loaded > entry.total) entry.total = entry.loaded;
          reportDownload();
          controller.enqueue(value);
        } catch (err) {
          finish(false);
          controller.error(err);
        }
      },
      cancel(reason) {
        finish(false);
        return reader.cancel(reason);
      },
    });
    if (copy) return new Response(gunzipStream(body), { headers: { 'Content-Type': 'application/wasm' } });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } catch (err) {
    finish(false);
    throw err;
  }
}

/**
 * Runs `load` with `fetch` of URLs whose path matches `which` counted (fetchCounted), and
 * every other fetch as it was; the original `fetch` is back when `load` settles. Until the
 * first such fetch, `expectedBytes` stand in for them in the download's total.
 */
export async function withCountedFetch<T>(which: RegExp, expectedBytes: number, load: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return load();
  // The files' bytes count from now: their fetch starts only once the loader's script is in.
  beginDownload();
  const estimate = announceDownload(`expected:${which.source}`, expectedBytes);
  let ok = false;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
    const url = new URL(href, globalThis.location?.href);
    if (!which.test(url.pathname) || init) return original(input, init);
    return fetchCounted(url, original, (total) => estimate.shrink(total));
  }) as typeof fetch;
  try {
    const value = await load();
    ok = true;
    return value;
  } finally {
    globalThis.fetch = original;
    estimate.settle();
    endDownload(ok);
  }
}
