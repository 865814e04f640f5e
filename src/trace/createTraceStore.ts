import { createRingBuffer, type RingBuffer } from './createRingBuffer';
import { createRunView } from './createRunView';
import type { TraceEvent } from './traceEvent';
import { createTraceRunLog, type StartRunOptions, type TraceRun } from './traceRuns';

/** Shared, bounded record of everything that happened, in this tab and in others. */
export interface TraceStore {
  /** This tab's id, stamped on local events. */
  readonly tab: string;
  readonly events: RingBuffer<TraceEvent>;
  /** Adds events produced in this tab and shares them with other tabs. */
  addLocal(events: TraceEvent[]): void;
  /** Subscribe to changes; the callback is throttled to one call per animation frame. */
  subscribe(fn: () => void): () => void;
  paused: boolean;
  /**
   * Sets `paused` and notifies subscribers once (even when pausing) so views can show the
   * new state; unpausing also delivers whatever arrived meanwhile.
   */
  setPaused(paused: boolean): void;
  /** Clears every run's events and forgets earlier runs. */
  clear(): void;
  dispose(): void;
  /**
   * Run boundaries, oldest first; the last is the current run, which collects every event
   * arriving in this tab (local or from other tabs) until the next `startRun`.
   */
  readonly runs: readonly TraceRun[];
  /** Closes the current run and starts a new one (Run pressed, example opened). Notifies. */
  startRun(label: string, options?: StartRunOptions): TraceRun;
  /**
   * A read view of one run's events with this same interface: `events` holds only that run
   * (indices and `total` count from the run's start), everything else delegates here.
   * Same object for the same id, so views can key per-run state on it.
   */
  runView(id: number): TraceStore;
  /** The run a view shows; undefined on the store itself (all events). */
  readonly run?: TraceRun;
}

/**
 * Creates the trace store. Events cross tabs over BroadcastChannel `${namespace}:trace`;
 * events from other tabs keep their `tab` so the UI can mark them. While paused, new
 * events are still recorded (nothing is lost) but subscribers aren't notified.
 */
export function createTraceStore(namespace: string, capacity = 10_000): TraceStore {
  const tab = `tab-${Math.random().toString(36).slice(2, 7)}`;
  const events = createRingBuffer<TraceEvent>(capacity);
  const listeners = new Set<() => void>();
  const runLog = createTraceRunLog();
  const views = new Map<number, TraceStore>();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`${namespace}:trace`);
  let scheduled = false;
  const notify = (force = false) => {
    if (scheduled || (store.paused && !force)) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      for (const fn of listeners) fn();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 0);
  };
  if (channel) {
    channel.onmessage = (ev: MessageEvent<unknown>) => {
      const batch = ev.data as { events?: TraceEvent[] };
      if (!Array.isArray(batch?.events)) return;
      for (const e of batch.events) if (e && typeof e.id === 'string' && e.tab !== tab) events.push(e);
      notify();
    };
  }
  const store: TraceStore = {
    tab,
    events,
    paused: false,
    addLocal(batch) {
      for (const e of batch) {
        e.tab = tab;
        events.push(e);
      }
      channel?.postMessage({ events: batch });
      notify();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    setPaused(paused) {
      if (store.paused === paused) return;
      store.paused = paused;
      notify(true);
    },
    clear() {
      events.clear();
      runLog.reset(events.total);
      forgetViews();
      notify();
    },
    get runs() {
      return runLog.list;
    },
    startRun(label, options) {
      const run = runLog.start(label, events.total, events.total - events.size, options);
      forgetViews();
      notify(true);
      return run;
    },
    runView(id) {
      let view = views.get(id);
      if (!view) {
        view = createRunView(store, id);
        views.set(id, view);
      }
      return view;
    },
    dispose() {
      channel?.close();
      listeners.clear();
    },
  };
  // Views of runs the log no longer lists would only pin memory.
  function forgetViews() {
    for (const id of views.keys()) if (!runLog.list.some((r) => r.id === id)) views.delete(id);
  }
  return store;
}
