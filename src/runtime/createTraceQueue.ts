import { createTraceBatchWriter, type TraceEventInput } from '../trace/encodeTraceBatch';
import type { TraceBatch } from '../trace/traceBatch';

/** Events per batch: a flood posts a batch per this many events, a quiet guest one per frame. */
const BATCH_EVENTS = 250;

/**
 * Batches trace events so a guest making thousands of host calls costs one postMessage
 * per frame, not one per call, each batch in the columnar wire format (traceBatch.ts).
 * Ids are unique per worker run (`guest:run:counter`).
 */
export function createTraceQueue(guest: string, send: (batch: TraceBatch) => void) {
  const run = Math.random().toString(36).slice(2, 8);
  const writer = createTraceBatchWriter(guest, `${guest}:${run}:`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (writer.size === 0) return;
    send(writer.take());
  };
  return {
    push(event: TraceEventInput) {
      writer.write(event);
      if (writer.size >= BATCH_EVENTS) flush();
      else timer ??= setTimeout(flush, 16);
    },
    flush,
  };
}
