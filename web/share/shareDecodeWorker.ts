/// <reference lib="webworker" />
import { readShareHash } from './readShareHash';

/**
 * Decodes one share hash off the main thread (web/share/readShareHashOffThread.ts): a
 * ~2 MB link takes seconds to base64-decode, inflate, parse and validate, which on the
 * page was one long task before anything showed. Same code as on the page, so a damaged
 * link gets the same message; the result is plain data (structured-cloned back).
 */
self.onmessage = (ev: MessageEvent<{ hash: string }>) => {
  self.postMessage(readShareHash(ev.data.hash));
};
