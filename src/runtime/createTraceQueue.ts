import { createTraceBatchWriter, type TraceEventInput } from '../trace/encodeTraceBatch';
import type { TraceBatch } from '../trace/traceBatch';

/** Events per batch before it is due: a quiet guest's events leave one frame after the first. */
const BATCH_EVENTS = 250;
/**
 * Least time between two posts of one queue while events keep coming. Every post is a task
 * on the page's main thread and a MessageEvent in Blink's heap: a flood's 250-event batches
 * came ~140 times a second from its two workers, each task a fraction of a millisecond of
 * CPU, and their garbage was finalized after the flood in one task of 28–41 ms of CPU (the
 * page's longest; 12–15 ms with posts at most this often; bench/HISTORY.md, stop 41).
 */
export const TRACE_POST_MS = 50;
/** A batch leaves at this size whatever the time: bounds one post's clone and decode. */
const MAX_BATCH_EVENTS = 1000;

/**
 * Batches trace events so a guest making thousands of host calls costs one postMessage
 * per frame, not one per call (under a flood one per TRACE_POST_MS), each batch in the
 * columnar wire format (traceBatch.ts). Ids are unique per worker run (`guest:run:counter`).
 */
export function createTraceQueue(guest: string, send: (batch: TraceBatch) => void, now: () => number = () => performance.now()) {
  const run = Math.random().toString(36).slice(2, 8);
  const writer = createTraceBatchWriter(guest, `${guest}:${run}:`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPost = -Infinity;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (writer.size === 0) return;
    lastPost = now();
    send(writer.take());
  };
  return {
    push(event: TraceEventInput) {
      writer.write(event);
      const size = writer.size;
      // A guest that never yields (a flood in one task) fires no timer: its batches leave here.
      if (size >= MAX_BATCH_EVENTS || (size >= BATCH_EVENTS && now() - lastPost >= TRACE_POST_MS)) flush();
      else timer ??= setTimeout(flush, Math.max(16, lastPost + TRACE_POST_MS - now()));
    },
    flush,
  };
}
