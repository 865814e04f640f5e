// A fast Run writes a whole new core module (~12 MB) and hands it to the page, so every Run
// writes into fresh memory, and the first write to each fresh page costs a page fault: copying
// 12 MB into a new array measured 45–170 ms in Chromium on the bench machine, into an array whose
// pages were touched before 1–18 ms. So the build worker keeps one spare buffer, touched by a
// helper worker (pagerWorker.ts) on the other core while the guest initialises here, and writes
// the next patched module into it. At most one spare (~12 MB) is kept or under way.
import { createNextTask } from '../../platform/createNextTask';

/** A spare's length beyond the module's: room for a guest whose snapshot grew a little. */
const SLACK = 256 * 1024;
/** A spare at most this much longer than the module it takes (the rest goes to the page with it). */
const MAX_UNUSED = 1024 * 1024;

let pager: Worker | undefined;
let pagerFailed = false;
let spare: ArrayBuffer | undefined;
let arriving: Promise<void> | undefined;
/** Buffers handed out by {@link takeSpare}: their bytes past the view are unused (see ownsWholeBuffer). */
const handedOut = new WeakSet<ArrayBuffer>();

/** Asks for a spare buffer for a module of about `moduleBytes` (none without workers, as in Node). */
export function prepareSpare(moduleBytes: number): void {
  if (arriving || pagerFailed || typeof Worker === 'undefined') return;
  if (spare && fits(spare, moduleBytes)) return;
  spare = undefined;
  try {
    pager ??= new Worker(new URL('./pagerWorker.ts', import.meta.url), { type: 'module', name: 'wcp-build-pager' });
  } catch {
    pagerFailed = true;
    return;
  }
  const worker = pager;
  arriving = new Promise<void>((resolve) => {
    worker.onmessage = (ev: MessageEvent<ArrayBuffer>) => {
      spare = ev.data;
      arriving = undefined;
      resolve();
    };
    worker.onerror = () => {
      pagerFailed = true;
      arriving = undefined;
      resolve();
    };
  });
  worker.postMessage(moduleBytes + SLACK);
}

const fits = (buffer: ArrayBuffer, length: number) => buffer.byteLength >= length && buffer.byteLength - length <= MAX_UNUSED;

/**
 * Lets a spare that is on its way in: its message is a task of this worker's event loop, which
 * the build's synchronous steps hold back. Waits one task at most, never for the helper's work.
 */
export async function spareArrival(): Promise<void> {
  if (!arriving) return;
  const nextTask = new Promise<void>((resolve) => {
    const task = createNextTask(() => {
      task.close();
      resolve();
    });
    task.schedule();
  });
  await Promise.race([arriving, nextTask]);
}

/** `length` bytes in the spare buffer if there is one that fits (it is then used up), else new ones. */
export function takeSpare(length: number): Uint8Array {
  const buffer = spare;
  if (!buffer || !fits(buffer, length)) return new Uint8Array(length);
  spare = undefined;
  handedOut.add(buffer);
  return new Uint8Array(buffer, 0, length);
}

/**
 * Whether a view may be transferred with its buffer without moving other data along: it spans
 * the buffer, or is a module written into a spare (the rest of the spare is unused).
 */
export function ownsWholeBuffer(bytes: Uint8Array): boolean {
  if (!(bytes.buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0) return false;
  return bytes.byteLength === bytes.buffer.byteLength || handedOut.has(bytes.buffer);
}
