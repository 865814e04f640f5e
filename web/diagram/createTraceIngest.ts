import { createNextTask, type TraceStore } from '../../src/index';
import { remoteSenderOf } from '../trace/remoteSender';
import { createEdgeWindow, type EdgeWindow } from './createEdgeWindow';
import { computeStep, createFlowNodes, type FlowNodes } from './flowGraph';

/**
 * Longest stretch of main-thread time one ingestion slice takes before it yields. Under a
 * flood (tens of thousands of trace events a second) folding every new event into the
 * diagram's nodes and edges inside the panel's render made one 30–50 ms task per render;
 * in slices of this size input, frames and worker messages get the thread in between.
 */
export const INGEST_SLICE_MS = 4;

/** Events folded in between two looks at the clock (reading it per event costs more than the event). */
const CLOCK_EVERY = 64;

/**
 * The Diagram's incremental view of one trace store: every event up to `observedTotal`
 * (absolute position) has been folded into `nodes` and `edges`. Kept per store rather than
 * per component: the panel unmounts when its tab is hidden, and the pause point and node
 * slots must survive that.
 */
export interface TraceIngest {
  /** `events.total` when Pause was pressed: later events stay out until resumed. */
  frozenTotal?: number;
  nodes: FlowNodes;
  edges: EdgeWindow;
  /** Absolute position just past the last event folded in. */
  observedTotal: number;
  /** Calls `fn` after every slice that folded something in; returns the unsubscribe. */
  subscribe(fn: () => void): () => void;
  /** Starts (or keeps) slicing until caught up with the store. Safe to call often. */
  kick(): void;
  /** Folds in events until caught up or `deadline` (performance.now()); true when caught up. */
  slice(deadline: number): boolean;
}

const ingests = new WeakMap<TraceStore, TraceIngest>();

/** The store's ingest (created on first use). */
export function traceIngestOf(store: TraceStore): TraceIngest {
  let s = ingests.get(store);
  if (!s) {
    s = createTraceIngest(store);
    ingests.set(store, s);
  }
  return s;
}

export function createTraceIngest(store: TraceStore, sliceMs = INGEST_SLICE_MS, now = () => performance.now()): TraceIngest {
  const listeners = new Set<() => void>();
  let running = false;
  const step = () => {
    const before = ingest.observedTotal;
    const done = ingest.slice(now() + sliceMs);
    if (done) running = false;
    else next();
    if (ingest.observedTotal !== before || done) for (const fn of listeners) fn();
  };
  const next = createNextTask(step).schedule;
  const ingest: TraceIngest = {
    nodes: createFlowNodes(),
    edges: createEdgeWindow(),
    observedTotal: 0,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    kick() {
      if (running) return;
      running = true;
      next();
    },
    slice(deadline) {
      if (store.paused && ingest.frozenTotal === undefined) ingest.frozenTotal = store.events.total;
      if (!store.paused) ingest.frozenTotal = undefined;
      const { size, total } = store.events;
      if (size === 0 && ingest.observedTotal !== total) {
        ingest.nodes.reset();
        ingest.edges.reset();
        ingest.observedTotal = total;
      }
      ingest.edges.evictBefore(total - size);
      const first = total - size;
      const limit = ingest.frozenTotal ?? total;
      // Older events than the ring holds were evicted before their turn: they can't be drawn.
      let abs = Math.max(ingest.observedTotal, first);
      while (abs < limit) {
        const stop = Math.min(limit, abs + CLOCK_EVERY);
        for (; abs < stop; abs++) {
          const e = store.events.at(abs - first);
          if (!e) continue;
          const s = computeStep(e);
          ingest.nodes.observe(e, e.tab !== store.tab, s, remoteSenderOf(e, store) !== undefined);
          ingest.edges.add(abs, e, s);
        }
        if (now() >= deadline) break;
      }
      ingest.observedTotal = Math.max(ingest.observedTotal, abs);
      return abs >= limit;
    },
  };
  return ingest;
}
