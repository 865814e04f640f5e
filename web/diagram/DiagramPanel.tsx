import { useCallback, useMemo, useRef, useState } from 'react';
import type { PanelProps } from '../panels/registerPanel';
import { describeTraceEvent } from '../trace/describeTraceEvent';
import { ViaBadge } from '../trace/ViaBadge';
import { DiagramToolbar } from './DiagramToolbar';
import { findEventIndex } from './findEvent';
import { FlowDiagram } from './FlowDiagram';
import type { FlowNode } from './flowGraph';
import { Timeline } from './Timeline';
import { createTimelineIndex, rowsOf, type TimelineRows } from './createTimelineIndex';
import { emptyFilter, filterIndices, type TimelineFilter } from './timelineFilter';
import { useTraceView } from './useTraceView';
import './diagram.css';

// The panel unmounts while another tab is shown; the filter should still be there on return.
let rememberedFilter: TimelineFilter = emptyFilter;

/**
 * Diagram tab: the live flow diagram above a sequence-diagram timeline, with pause,
 * scrub (over the trace ring) and filters. Clicking selects an event (shared with the
 * Trace tab); double-click or "Inspect" opens it in the Inspector.
 */
export function DiagramPanel({ ctx }: PanelProps) {
  const store = ctx.traceStore;
  // An earlier run (possibly of another example) shows only the nodes its own events drew.
  const seed = !ctx.runs || ctx.runs.live;
  const guestNames = useMemo(() => (seed ? ctx.guests.map((g) => g.name) : []), [ctx.guests, seed]);
  const view = useTraceView(store, guestNames);
  const [filter, setFilterState] = useState(rememberedFilter);
  const setFilter = useCallback((f: TimelineFilter) => {
    rememberedFilter = f;
    setFilterState(f);
  }, []);
  const live = useRef<{ store: typeof store; index: ReturnType<typeof createTimelineIndex> }>(undefined);
  if (live.current?.store !== store) live.current = { store, index: createTimelineIndex() };
  const liveIndex = live.current.index;
  // Live: the incremental index (new events only). Scrubbed: a one-off full pass up to the scrub point.
  const indices: TimelineRows = useMemo(() => {
    if (view.scrub !== undefined) return rowsOf(filterIndices((i) => store.events.at(i), view.end, filter));
    const { size, total } = store.events;
    const first = total - size;
    liveIndex.update({ first, end: first + view.end, at: (abs) => store.events.at(abs - first) }, filter);
    return { length: liveIndex.length, ringIndexAt: (r) => liveIndex.ringIndexAt(r) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, liveIndex, view.version, view.scrub, filter]);
  const selectedIndex = useMemo(() => findEventIndex(store, ctx.selectedEventId), [store, ctx.selectedEventId, view.version]);
  const selected = selectedIndex >= 0 ? store.events.at(selectedIndex) : undefined;
  const { selectEvent, showPanel } = ctx;
  const inspect = useCallback(
    (id: string) => {
      selectEvent(id);
      showPanel('inspector');
    },
    [selectEvent, showPanel],
  );
  const onNodeClick = useCallback(
    (n: FlowNode) => {
      if (n.kind === 'guest') setFilter({ ...rememberedFilter, guest: rememberedFilter.guest === n.name ? '' : n.name });
      else if (n.kind === 'topic') setFilter({ ...rememberedFilter, topic: rememberedFilter.topic === n.name ? '' : n.name });
      else setFilter({ ...rememberedFilter, text: rememberedFilter.text === n.name ? '' : n.name });
    },
    [setFilter],
  );
  const d = selected && describeTraceEvent(selected);

  return (
    <div className="panel diagram-panel">
      <DiagramToolbar view={view} nodes={view.nodes.list} filter={filter} onFilter={setFilter} shown={indices.length} onClear={() => store.clear()} />
      <FlowDiagram store={store} view={view} selectedIndex={selectedIndex} onSelect={selectEvent} onNodeClick={onNodeClick} />
      <div className="diagram-selection" data-testid="diagram-selection">
        {selected && d ? (
          <>
            <span className="badge">{d.kind}</span>
            {/* Its own item beside the kind: inside the detail, which gives way first on a
                narrow or zoomed panel, it was cut with it (presenter at 125 %). */}
            {d.via !== undefined && <ViaBadge via={d.via} ms={d.ms} />}
            <span className="diagram-selection-what" title={d.whatTitle}>
              {selected.guest} · {d.what}
            </span>
            <span className="diagram-selection-detail muted">{d.detail}</span>
            <button type="button" className="small" data-testid="diagram-inspect" onClick={() => inspect(selected.id)}>
              Inspect
            </button>
          </>
        ) : (
          // The legend first: at the end of this one line it was what a narrow panel cut off.
          <span className="muted diagram-hint" title="Click an arrow or a row to select an event; double-click to inspect it.">
            {view.nodes.list.some((n) => n.otherTab) && (
              <>
                <span className="flow-node-tab inline" /> = has events from another tab or machine.{' '}
              </>
            )}
            Click an arrow or a row to select an event; double-click to inspect it.
          </span>
        )}
      </div>
      <Timeline store={store} nodes={view.nodes.list} indices={indices} version={view.version} selectedEventId={ctx.selectedEventId} onSelect={selectEvent} onInspect={inspect} />
    </div>
  );
}
