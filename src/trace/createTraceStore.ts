import { createRingBuffer, type RingBuffer } from './createRingBuffer';
import { createRunView } from './createRunView';
import { ownPayloads } from './ownPayloads';
import { traceEventProblem } from './checkTraceEvent';
import { createEventStringSharer } from './shareEventStrings';
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
   * Events other tabs produced but sent only as a count (their share was over
   * {@link CROSS_TAB_EVENTS_PER_FLUSH} in one flush); a view can say "n more in other tabs".
   */
  readonly remoteSummarized: number;
  /**
   * Events another tab sent that this build cannot show (another version of the playground,
   * or any script of this origin posting other shapes), with the first one's problem. Left
   * out so one cannot blank the views; counted so the Trace can say so.
   */
  readonly remoteRefused: { readonly count: number; readonly problem?: string };
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
  /**
   * Whether `tab` is this tab or one of this browser that was heard from (a hello, or its
   * events). A message whose sender's tab is neither came from another machine (NATS).
   */
  isBrowserTab(tab: string): boolean;
}

/** How often local events are shared with other tabs, in ms. */
export const CROSS_TAB_FLUSH_MS = 100;
/** Events sent in full per flush; beyond that other tabs get the newest ones plus a count. */
export const CROSS_TAB_EVENTS_PER_FLUSH = 200;

/**
 * What travels on `${namespace}:trace`: the newest local events of one flush in full, and
 * how many older ones of that flush were only counted (`summarized`), per guest.
 */
export interface CrossTabBatch {
  events: TraceEvent[];
  summarized?: Record<string, number>;
}

/**
 * Also on `${namespace}:trace`: a store says `hello` when it opens (and when its page comes
 * back from the back/forward cache), answers another's hello with `here`, and says `bye`
 * when it closes, so a tab knows whether any other tab would receive its events.
 */
export interface CrossTabPresence {
  presence: 'hello' | 'here' | 'bye';
  tab: string;
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
  // Local events wait here for the next cross-tab flush: one structured clone per flush
  // instead of one per worker batch, and at most CROSS_TAB_EVENTS_PER_FLUSH events in it.
  let outbox: TraceEvent[] = [];
  let summarized: Record<string, number> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts all but the newest CROSS_TAB_EVENTS_PER_FLUSH of the outbox and drops them from it. */
  const summarizeOutbox = () => {
    const over = outbox.length - CROSS_TAB_EVENTS_PER_FLUSH;
    if (over <= 0) return;
    summarized ??= {};
    for (let i = 0; i < over; i++) summarized[outbox[i].guest] = (summarized[outbox[i].guest] ?? 0) + 1;
    outbox = outbox.slice(over);
  };
  // Other tabs with a store on this namespace. With none (the usual single tab) a flush
  // posts nothing: the clone of up to CROSS_TAB_EVENTS_PER_FLUSH events per flush was
  // main-thread work under a flood that no one received.
  const peers = new Set<string>();
  // Every tab of this browser heard from, kept after it closes: its messages stay in the trace.
  const browserTabs = new Set<string>([tab]);
  const say = (presence: CrossTabPresence['presence']) => channel?.postMessage({ presence, tab } satisfies CrossTabPresence);
  const flushOutbox = () => {
    flushTimer = undefined;
    if (peers.size === 0) {
      outbox = [];
      summarized = undefined;
      return;
    }
    summarizeOutbox();
    const events = ownPayloads(outbox);
    const message: CrossTabBatch = summarized ? { events, summarized } : { events };
    outbox = [];
    summarized = undefined;
    if (message.events.length > 0) channel?.postMessage(message);
  };
  if (channel) {
    channel.onmessage = (ev: MessageEvent<unknown>) => {
      const hail = ev.data as Partial<CrossTabPresence> | null;
      if (typeof hail?.presence === 'string' && typeof hail.tab === 'string') {
        browserTabs.add(hail.tab);
        if (hail.presence === 'bye') peers.delete(hail.tab);
        else peers.add(hail.tab);
        if (hail.presence === 'hello') say('here');
        return;
      }
      const batch = ev.data as Partial<CrossTabBatch> | null;
      if (!Array.isArray(batch?.events)) return;
      for (const e of batch.events) {
        if (!e || typeof e.id !== 'string' || e.tab === tab) continue;
        // Another build's tab (or any script of this origin) may send other shapes: the views
        // read every field as typed, and one such event blanked the whole page.
        const problem = traceEventProblem(e);
        if (problem !== null) {
          if (refusedEver++ === 0) console.warn(`[playground] left out an event from another tab that this version cannot show (${problem}); is that tab running another version of the playground?`);
          remoteRefused = { count: remoteRefused.count + 1, problem: remoteRefused.problem ?? problem };
          continue;
        }
        // A tab that sends events is there, even if its hello was missed.
        if (typeof e.tab === 'string') {
          peers.add(e.tab);
          browserTabs.add(e.tab);
        }
        shareStrings(e);
        events.push(e);
      }
      for (const n of Object.values(batch.summarized ?? {})) if (typeof n === 'number') remoteSummarized += n;
      notify();
    };
  }
  let remoteSummarized = 0;
  let refusedEver = 0;
  let remoteRefused: TraceStore['remoteRefused'] = { count: 0 };
  const shareStrings = createEventStringSharer();
  // A page leaving (or entering the back/forward cache) stops receiving; back, it says hello again.
  const onPageHide = () => say('bye');
  const onPageShow = (ev: Event) => {
    if ((ev as PageTransitionEvent).persisted) say('hello');
  };
  if (channel) {
    say('hello');
    if (typeof addEventListener === 'function') {
      addEventListener('pagehide', onPageHide);
      addEventListener('pageshow', onPageShow);
    }
  }
  const store: TraceStore = {
    tab,
    isBrowserTab: (other) => browserTabs.has(other),
    events,
    paused: false,
    get remoteSummarized() {
      return remoteSummarized;
    },
    get remoteRefused() {
      return remoteRefused;
    },
    addLocal(batch) {
      for (const e of batch) {
        shareStrings(e);
        e.tab = tab;
        events.push(e);
      }
      if (channel) {
        for (const e of batch) outbox.push(e);
        // Only the newest are sent in full; counting the rest early keeps the outbox small.
        if (outbox.length > 10 * CROSS_TAB_EVENTS_PER_FLUSH) summarizeOutbox();
        flushTimer ??= setTimeout(flushOutbox, CROSS_TAB_FLUSH_MS);
      }
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
      // Cleared with the events they stood for, so the Trace's note counts from the last Clear.
      remoteSummarized = 0;
      remoteRefused = { count: 0 };
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
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      say('bye');
      if (typeof removeEventListener === 'function') {
        removeEventListener('pagehide', onPageHide);
        removeEventListener('pageshow', onPageShow);
      }
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
