import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TraceRun, TraceStore } from '../../src/index';
import type { RunHosts } from '../useRunner';
import { describeRunHosts } from './describeRunHosts';

/** The runs of this tab as the output pane shows them: one run at a time, earlier ones on request. */
export interface RunHistory {
  /** Runs worth picking (oldest first): every Run, plus a loaded example that received events. */
  runs: readonly TraceRun[];
  /** The run the panels show: the picked one, or the current (newest) run. */
  shown: TraceRun;
  /** True while following the current run (new events appear live). */
  live: boolean;
  /** The trace panels' store: a view holding only the shown run's events. */
  view: TraceStore;
  /** The run before `shown`, for "compare with previous run". */
  previous: TraceRun | undefined;
  /** Shows an earlier run; undefined (or the current run's id) follows the current run again. */
  select(id: number | undefined): void;
  /** Whether the output pane shows the comparison of `shown` with `previous`. */
  comparing: boolean;
  setComparing(on: boolean): void;
  /** Starts a new run in the trace (call when Run is pressed, before anything is built). */
  begin(hosts: RunHosts | undefined): void;
}

/**
 * Groups the trace by run: Run, and opening another example, start a fresh view, so
 * trace, diagram and timeline tell one run's story; earlier runs stay one pick away.
 * `exampleKey` changes when another example or workspace is loaded; `title` labels runs.
 */
export function useRunHistory(store: TraceStore, exampleKey: string, title: string): RunHistory {
  const all = useSyncExternalStore(store.subscribe, () => store.runs);
  const [picked, setPicked] = useState<number | undefined>();
  const [comparing, setComparing] = useState(false);
  const titleNow = useLatest(title);

  useEffect(() => {
    store.startRun(titleNow(), { kind: 'open' });
    setPicked(undefined);
    setComparing(false);
  }, [store, exampleKey, titleNow]);

  const paused = useSyncExternalStore(store.subscribe, () => store.paused);
  // Pause freezes the views, including which run they show: a Run pressed meanwhile is
  // recorded, and shown on Resume.
  const followed = useRef(all[all.length - 1].id);
  if (!paused) followed.current = all[all.length - 1].id;
  const latest = all[all.length - 1];
  const current = all.find((r) => r.id === followed.current) ?? latest;
  const shown = (picked !== undefined && all.find((r) => r.id === picked)) || current;
  const index = all.indexOf(shown);
  const begin = useCallback(
    (hosts: RunHosts | undefined) => {
      store.startRun(titleNow(), { kind: 'run', detail: describeRunHosts(hosts) });
      setPicked(undefined);
    },
    [store, titleNow],
  );
  const select = useCallback((id: number | undefined) => setPicked(id), []);
  // One object per state, so the panel context (and every panel) only re-renders on change.
  return useMemo(
    () => ({ runs: all, shown, live: shown === latest, view: store.runView(shown.id), previous: index > 0 ? all[index - 1] : undefined, select, comparing: comparing && index > 0, setComparing, begin }),
    [all, shown, latest, store, index, select, comparing, begin],
  );
}

/** A stable getter for the newest value, so callbacks don't change identity with it. */
function useLatest<T>(value: T): () => T {
  const [box] = useState(() => ({ value }));
  box.value = value;
  return useCallback(() => box.value, [box]);
}
