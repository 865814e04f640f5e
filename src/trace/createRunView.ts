import type { RingBuffer } from './createRingBuffer';
import type { TraceStore } from './createTraceStore';
import type { TraceEvent } from './traceEvent';
import type { TraceRun } from './traceRuns';

/**
 * A TraceStore-shaped read view of run `id` of `store`, so every panel written against the
 * store (trace table, diagram, timeline, inspector) shows one run without knowing about runs.
 *
 * Positions: the run owns absolute positions [first, end) of the store's ring (end = the
 * store's `total` while it is current). `events.total` counts the run's events ever
 * recorded; `events.size` those still held (the ring may have evicted the oldest), so
 * `total - size` is, as for the store, the run-relative position of the oldest held event.
 * A run the store forgot (cleared, or too old) reads as empty.
 */
export function createRunView(store: TraceStore, id: number): TraceStore {
  const runOf = (): TraceRun | undefined => store.runs.find((r) => r.id === id);
  /** [lo, hi) absolute positions held, and the run's first position. */
  const range = () => {
    const run = runOf();
    const ring = store.events;
    if (!run) return { first: ring.total, lo: ring.total, hi: ring.total };
    const hi = run.end ?? ring.total;
    return { first: run.first, lo: Math.min(hi, Math.max(run.first, ring.total - ring.size)), hi };
  };
  const at = (i: number): TraceEvent | undefined => {
    const { lo, hi } = range();
    if (i < 0 || lo + i >= hi) return undefined;
    const ring = store.events;
    return ring.at(lo + i - (ring.total - ring.size));
  };
  const events: RingBuffer<TraceEvent> = {
    get size() {
      const { lo, hi } = range();
      return hi - lo;
    },
    get total() {
      const { first, hi } = range();
      return hi - first;
    },
    at,
    toArray() {
      const { lo, hi } = range();
      return Array.from({ length: hi - lo }, (_, i) => at(i) as TraceEvent);
    },
    push(e) {
      store.addLocal([e]);
    },
    clear() {
      store.clear();
    },
  };
  return {
    get tab() {
      return store.tab;
    },
    events,
    addLocal: (batch) => store.addLocal(batch),
    isBrowserTab: (tab) => store.isBrowserTab(tab),
    subscribe: (fn) => store.subscribe(fn),
    get paused() {
      return store.paused;
    },
    // Summaries are not split by run: what other tabs sent only as counts stays a store total.
    get remoteSummarized() {
      return store.remoteSummarized;
    },
    get remoteRefused() {
      return store.remoteRefused;
    },
    set paused(p: boolean) {
      store.setPaused(p);
    },
    setPaused: (p) => store.setPaused(p),
    clear: () => store.clear(),
    // The view borrows the store's channel; only the store's owner closes it.
    dispose: () => {},
    get runs() {
      return store.runs;
    },
    startRun: (label, options) => store.startRun(label, options),
    runView: (other) => store.runView(other),
    get run() {
      return runOf();
    },
  };
}
