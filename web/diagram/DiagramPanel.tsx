import { useCallback, useMemo, useState } from 'react';
import type { PanelProps } from '../panels/registerPanel';
import { describeTraceEvent } from '../trace/describeTraceEvent';
import { DiagramToolbar } from './DiagramToolbar';
import { findEventIndex } from './findEvent';
import { FlowDiagram } from './FlowDiagram';
import type { FlowNode } from './flowGraph';
import { Timeline } from './Timeline';
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
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const indices = useMemo(() => filterIndices((i) => store.events.at(i), view.end, filter), [store, view.version, filter]);
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
            <span className="diagram-selection-what" title={d.whatTitle}>
              {selected.guest} · {d.what}
            </span>
            <span className="diagram-selection-detail muted">{d.detail}</span>
            <button type="button" className="small" data-testid="diagram-inspect" onClick={() => inspect(selected.id)}>
              Inspect
            </button>
          </>
        ) : (
          <span className="muted">
            Click an arrow or a row to select an event; double-click to inspect it.
            {view.nodes.list.some((n) => n.otherTab) && (
              <>
                {' '}
                <span className="flow-node-tab inline" /> = has events from another tab.
              </>
            )}
          </span>
        )}
      </div>
      <Timeline store={store} nodes={view.nodes.list} indices={indices} version={view.version} selectedEventId={ctx.selectedEventId} onSelect={selectEvent} onInspect={inspect} />
    </div>
  );
}
