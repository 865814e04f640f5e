import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PanelProps } from './panels/registerPanel';
import { matchesFilter } from './trace/describeTraceEvent';
import { TraceRow } from './TraceRow';
import { useStickToBottom } from './useStickToBottom';

/** Fixed row height (px, matches .trace-row in styles.css) makes virtualization plain arithmetic. */
export const TRACE_ROW_HEIGHT = 22;
const OVERSCAN = 8;

/**
 * Trace tab: every event from the trace store, newest at the bottom. Only the rows in
 * view are rendered, so the store's full 10,000 events scroll smoothly.
 */
export function TracePanel({ ctx }: PanelProps) {
  const store = ctx.traceStore;
  // total changes on every push, size on clear; together they identify a store state.
  const version = useSyncExternalStore(store.subscribe, () => `${store.events.total}:${store.events.size}`);
  const [filter, setFilter] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(version + filter);

  const indices = useMemo(() => {
    void version;
    const out: number[] = [];
    const n = store.events.size;
    const needle = filter.trim();
    for (let i = 0; i < n; i++) {
      const e = store.events.at(i);
      if (e && matchesFilter(e, needle)) out.push(i);
    }
    return out;
  }, [store, version, filter]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, [ref]);

  const first = Math.max(0, Math.floor(scrollTop / TRACE_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(indices.length, Math.ceil((scrollTop + height) / TRACE_ROW_HEIGHT) + OVERSCAN);
  const base = store.events.at(0)?.at ?? 0;
  const rows = [];
  for (let r = first; r < last; r++) {
    const event = store.events.at(indices[r]);
    if (!event) continue;
    rows.push(
      <TraceRow key={event.id} event={event} base={base} top={r * TRACE_ROW_HEIGHT} otherTab={event.tab !== store.tab} selected={event.id === ctx.selectedEventId} onSelect={ctx.selectEvent} />,
    );
  }

  return (
    <div className="panel trace-panel">
      <div className="panel-toolbar">
        <input type="search" className="trace-filter" placeholder="Filter: iface, fn, topic, guest" aria-label="Filter trace" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted" data-testid="trace-count">
          {filter ? `${indices.length} / ${store.events.size}` : store.events.size} events
        </span>
        <button type="button" className="small" onClick={() => store.clear()} aria-label="Clear trace">
          Clear
        </button>
      </div>
      <div className="trace-head" role="row">
        <span className="tc-time">time s</span>
        <span className="tc-guest">guest</span>
        <span className="tc-kind">kind</span>
        <span className="tc-what" title="iface#fn, or topic for messages">iface#fn</span>
        <span className="tc-detail">args → result</span>
        <span className="tc-ms">duration</span>
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
        {indices.length === 0 && <div className="empty">{store.events.size ? 'No events match the filter.' : 'No trace events yet. Run a guest to see its host calls.'}</div>}
        <div className="trace-spacer" style={{ height: indices.length * TRACE_ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
