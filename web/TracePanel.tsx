import { useEffect, useMemo, useRef, useState } from 'react';
import { remoteSenderOf } from './trace/remoteSender';
import type { PanelProps } from './panels/registerPanel';
import { createTraceIndex, ringIndexNow } from './trace/createTraceIndex';
import { timeBase } from './trace/describeTraceEvent';
import { fitTraceColumnsToRoom, type TraceRoom } from './trace/fitTraceColumnsToRoom';

/** Fixed row heights (fitTraceColumnsToRoom.ts, styles.css) make virtualization plain arithmetic. */
export { TRACE_ROW_HEIGHT } from './trace/fitTraceColumnsToRoom';
import { useThrottledTraceVersion } from './trace/useThrottledTraceVersion';
import { TraceRow } from './TraceRow';
import { useStickToBottom } from './useStickToBottom';
import { useKeepFirstRow } from './trace/useKeepFirstRow';
import { OtherTabsNote } from './trace/OtherTabsNote';

const OVERSCAN = 8;

/**
 * Trace tab: every event of the run shown, in time order (like the timeline: workers and
 * tabs deliver in batches, so arrival order would put a drop before its send), newest at
 * the bottom. Only the rows in view are rendered, so 10,000 events scroll smoothly.
 */
export function TracePanel({ ctx }: PanelProps) {
  const store = ctx.traceStore;
  // total changes on every push, size on clear; together they identify a store state.
  const version = useThrottledTraceVersion(store);
  const [filter, setFilter] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [room, setRoom] = useState<TraceRoom>();
  const probe = useRef<HTMLSpanElement>(null);
  const base = timeBase(store);

  // Rows kept as events come (each frame of a flood looks at its new events only).
  const [index] = useState(() => createTraceIndex(store.tab));
  const table = useMemo(() => {
    void version;
    return index.update(store.events, filter, base);
  }, [index, store, version, filter, base]);
  const columns = useMemo(() => fitTraceColumnsToRoom(table.columns, room), [table.columns, room]);
  const matching = table.rows.length;
  // Pinned again when rows change height too: going to two lines per event (a pane that
  // narrowed, or the first measure of a narrow one) grew the table under a view that stayed
  // where the one-line table ended, in its middle, and the newest events were out of sight.
  const { ref, onScroll, isStuck } = useStickToBottom<HTMLDivElement>(`${version}|${filter}|${columns.rowHeight}`);
  useKeepFirstRow(ref, columns.rowHeight, isStuck, setScrollTop);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The width in characters of the rows' font: zoom and font size change both together.
    const measure = () => {
      const ch = (probe.current?.offsetWidth ?? 0) / 10;
      const next = { width: el.clientWidth, height: el.clientHeight, ch };
      setRoom((was) => (was && was.width === next.width && was.height === next.height && was.ch === ch ? was : next));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref]);

  const { rowHeight } = columns;
  // Until the first measure: enough rows for a tall pane.
  const height = room?.height ?? 400;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(matching, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const at = ringIndexNow(table, r, store.events);
    const event = at < 0 ? undefined : store.events.at(at);
    if (!event) continue;
    rows.push(
      <TraceRow key={event.id} event={event} base={base} top={r * rowHeight} otherTab={event.tab !== store.tab} from={remoteSenderOf(event, store)} selected={event.id === ctx.selectedEventId} onSelect={ctx.selectEvent} />,
    );
  }

  return (
    <div className="panel trace-panel" data-narrow={columns.narrow || undefined} style={{ '--trace-columns': columns.columns, '--trace-min-width': columns.minWidth } as React.CSSProperties}>
      <div className="panel-toolbar">
        <input type="search" className="trace-filter" placeholder="Filter: iface, fn, topic, guest, message id" aria-label="Filter trace" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted" data-testid="trace-count">
          {filter ? `${matching} / ${store.events.size}` : store.events.size} events
        </span>
        <OtherTabsNote store={store} />
        <button type="button" className="small" onClick={() => store.clear()} aria-label="Clear trace">
          Clear
        </button>
      </div>
      <div
        className="trace-body"
        ref={ref}
        role="table"
        aria-label="Trace events"
        onScroll={(e) => {
          onScroll();
          setScrollTop(e.currentTarget.scrollTop);
        }}
      >
        <span ref={probe} className="trace-ch-probe" aria-hidden="true">0000000000</span>
        {/* Inside the scroller (sticky) so it scrolls sideways with the rows when the pane is narrow. */}
        <div className="trace-head" role="row">
          <span className="tc-time" title="seconds since the run started">time s</span>
          <span className="tc-guest">guest</span>
          <span className="tc-kind">kind</span>
          <span className="tc-what" title="iface#fn, or topic for messages">{columns.narrow ? 'iface#fn, args → result under it' : 'iface#fn'}</span>
          <span className="tc-detail">args → result</span>
          <span className="tc-ms">duration</span>
        </div>
        {matching === 0 && <div className="empty">{store.events.size ? 'No events match the filter.' : 'No trace events in this run yet. Run a guest to see its host calls.'}</div>}
        <div className="trace-spacer" style={{ height: matching * rowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
