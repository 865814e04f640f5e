/// <reference lib="webworker" />
// Touches a new buffer's pages for the build worker (spareBuffers.ts) on the other core, then
// hands it over: a transferred buffer keeps its memory, so the build worker writes into pages
// that are already there.
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Bytes per memory page (the OS's; a larger one only means fewer writes are needed). */
const PAGE = 4096;

scope.onmessage = (ev: MessageEvent<number>) => {
  const buffer = new ArrayBuffer(ev.data);
  const bytes = new Uint8Array(buffer);
  // One write per page is what maps it; the zeros change nothing.
  for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = 0;
  scope.postMessage(buffer, [buffer]);
};
