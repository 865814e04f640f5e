import { readShareHash, type HashRequest } from './readShareHash';

/**
 * Share hashes longer than this are decoded in a worker; shorter ones (almost every real
 * link: a workspace is a few KB) decode on the page in well under a frame, without the
 * cost of starting a worker.
 */
export const OFF_THREAD_HASH_CHARS = 64 * 1024;

// Only the latest hash: startup decodes it once and readStartup, useShareHash and
// useSharedComponent all ask for the same one.
let decoded: { hash: string; request: Promise<HashRequest>; value?: HashRequest } | undefined;

function decodeInWorker(hash: string): Promise<HashRequest> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./shareDecodeWorker.ts', import.meta.url), { type: 'module', name: 'wcp-share-decode' });
    } catch {
      // No workers (very old browser, blocked by policy): decode here rather than not at all.
      return resolve(readShareHash(hash));
    }
    const done = (req: HashRequest) => {
      worker.terminate();
      resolve(req);
    };
    worker.onmessage = (ev: MessageEvent<HashRequest>) => done(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      done({ kind: 'damaged', message: `The link could not be read: the decoder stopped (${ev.message || 'worker error'}).` });
    };
    worker.postMessage({ hash });
  });
}

/**
 * {@link readShareHash} that keeps a long hash's decoding off the main thread. Resolves to
 * the same HashRequest (damaged links with the codec's message); the result is remembered
 * so {@link readShareHashDecoded} can hand it out synchronously afterwards.
 */
export function readShareHashOffThread(hash: string): Promise<HashRequest> {
  if (decoded?.hash === hash) return decoded.request;
  if (hash.length <= OFF_THREAD_HASH_CHARS) return Promise.resolve(readShareHash(hash));
  const entry: NonNullable<typeof decoded> = { hash, request: decodeInWorker(hash) };
  entry.request.then((value) => (entry.value = value));
  decoded = entry;
  return entry.request;
}

/**
 * The HashRequest for `hash` without blocking on a long one: the value decoded off the
 * main thread when there is one, else a direct decode (short hashes; see
 * {@link OFF_THREAD_HASH_CHARS}).
 */
export function readShareHashDecoded(hash: string): HashRequest {
  if (decoded?.hash === hash && decoded.value) return decoded.value;
  return readShareHash(hash);
}
