/**
 * One run's share of a tab's trace: every event this tab recorded — its own and those
 * arriving from other tabs — between pressing Run (or opening an example) and the next
 * boundary. Runs are defined by arrival in this tab, so cross-tab traffic seen during the
 * current run belongs to the current run, whatever the sending tab was doing.
 */
export interface TraceRun {
  /** Unique in this tab; never reused. */
  readonly id: number;
  /** "Run 1, 2, 3…" as people count them: only Runs are numbered; 0 for an opened example. */
  readonly number: number;
  /** What started it, e.g. "Fan-out"; shown in the run picker. */
  readonly label: string;
  /** Extra context for comparisons, e.g. "faults: producer drop 20%". */
  readonly detail: string;
  /** `run` = the Run button; `open` = an example or workspace was loaded (nothing run yet). */
  readonly kind: 'run' | 'open';
  /** Epoch ms (`performance.timeOrigin + performance.now()`): times in the run count from here. */
  readonly startedAt: number;
  /** Absolute position (`events.total`) of the run's first event. */
  readonly first: number;
  /** Absolute position where the next run began; undefined while this is the current run. */
  readonly end: number | undefined;
}

/** Options of {@link TraceRunLog.start}. */
export interface StartRunOptions {
  kind?: TraceRun['kind'];
  detail?: string;
}

/** Most runs a tab remembers; older ones (and runs whose events were all evicted) are forgotten. */
export const MAX_RUNS = 40;

/**
 * Run boundaries over a ring buffer's absolute positions. Pure bookkeeping: the store
 * calls `start` and asks for `list`; it holds no events itself.
 */
export interface TraceRunLog {
  /** Oldest first; the last one is the current run. */
  readonly list: readonly TraceRun[];
  readonly current: TraceRun;
  /** Closes the current run at absolute position `total` and opens a new one there. */
  start(label: string, total: number, oldestHeld: number, options?: StartRunOptions): TraceRun;
  /** Forgets every run but a fresh current one (the trace was cleared). */
  reset(total: number): void;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.timeOrigin + performance.now());

export function createTraceRunLog(): TraceRunLog {
  let nextId = 1;
  let nextNumber = 1;
  const make = (label: string, first: number, options: StartRunOptions = {}): TraceRun => {
    const kind = options.kind ?? 'run';
    return { id: nextId++, number: kind === 'run' ? nextNumber++ : 0, label, detail: options.detail ?? '', kind, startedAt: now(), first, end: undefined };
  };
  let list: TraceRun[] = [make('Trace', 0, { kind: 'open' })];
  return {
    get list() {
      return list;
    },
    get current() {
      return list[list.length - 1];
    },
    start(label, total, oldestHeld, options) {
      const prev = list[list.length - 1];
      // A loaded example nobody ran (and nothing arrived for) is not worth a place in the picker.
      const keep = list.slice(0, -1).filter((r) => (r.end ?? total) > oldestHeld);
      if (prev.kind === 'run' || total > prev.first) keep.push({ ...prev, end: total });
      const run = make(label, total, options);
      list = [...keep.slice(-(MAX_RUNS - 1)), run];
      return run;
    },
    reset(total) {
      const cur = list[list.length - 1];
      list = [{ ...cur, first: total, end: undefined }];
    },
  };
}
