import type { TraceEvent } from '../trace/traceEvent';

type Partial_ = TraceEvent extends infer T ? (T extends unknown ? Omit<T, 'id' | 'guest' | 'tab' | 'at'> & { at?: number } : never) : never;

/**
 * Batches trace events so a guest making thousands of host calls costs one postMessage
 * per frame, not one per call. Ids are unique per worker run (`guest:run:counter`).
 */
export function createTraceQueue(guest: string, send: (events: TraceEvent[]) => void) {
  const run = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  let queue: TraceEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!queue.length) return;
    const batch = queue;
    queue = [];
    send(batch);
  };
  return {
    push(event: Partial_) {
      queue.push({ ...event, id: `${guest}:${run}:${counter++}`, guest, tab: '', at: event.at ?? performance.timeOrigin + performance.now() } as TraceEvent);
      if (queue.length >= 250) flush();
      else timer ??= setTimeout(flush, 16);
    },
    flush,
  };
}
