import { useEffect, useMemo, useState } from 'react';
import { remoteSenderOf } from '../trace/remoteSender';
import type { TraceStore } from '../../src/index';
import { formatRelative, timeBase } from '../trace/describeTraceEvent';
import { useStickToBottom } from '../useStickToBottom';
import type { FlowNode } from './flowGraph';
import { columnOfNode } from './layoutFlow';
import { laneWidths } from './laneWidths';
import type { TimelineRows } from './createTimelineIndex';
import { TimelineRow } from './TimelineRow';

/** Fixed row height (px, matches .tl-row) so virtualization is arithmetic. */
export const TIMELINE_ROW_HEIGHT = 24;
const GUTTER = 58;
const OVERSCAN = 6;

interface Props {
  store: TraceStore;
  nodes: readonly FlowNode[];
  /** Filtered ring indices to show, oldest first. */
  indices: TimelineRows;
  version: string;
  selectedEventId: string | undefined;
  onSelect(id: string): void;
  onInspect(id: string): void;
}

/**
 * Sequence-diagram timeline: one lifeline per node (same column order as the diagram),
 * one arrow per event. Only rows in view are rendered, so 10,000 events scroll smoothly.
 */
export function Timeline({ store, nodes, indices, version, selectedEventId, onSelect, onInspect }: Props) {
  const lanes = useMemo(() => [...nodes].sort((a, b) => columnOfNode(a) - columnOfNode(b) || a.seq - b.seq), [nodes]);
  const [scrollTop, setScrollTop] = useState(0);
  const [box, setBox] = useState({ w: 400, h: 300 });
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(`${version}:${indices.length}`);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBox({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setBox({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, [ref]);

  const widths = useMemo(() => laneWidths(lanes.map((n) => n.name), box.w - GUTTER), [lanes, box.w]);
  const laneX = useMemo(() => {
    let x = GUTTER;
    return new Map(
      lanes.map((n, i) => {
        x += widths[i]!;
        return [n.id, x - widths[i]! / 2];
      }),
    );
  }, [lanes, widths]);
  const width = GUTTER + widths.reduce((a, b) => a + b, 0);
  const height = indices.length * TIMELINE_ROW_HEIGHT;
  // A shorter list (filter, clear) clamps the real scroll position before any scroll event arrives.
  const top = Math.max(0, Math.min(scrollTop, height - box.h));
  const first = Math.max(0, Math.floor(top / TIMELINE_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(indices.length, Math.ceil((top + box.h) / TIMELINE_ROW_HEIGHT) + OVERSCAN);
  const base = timeBase(store);
  const rows = [];
  for (let r = first; r < last; r++) {
    const e = store.events.at(indices.ringIndexAt(r));
    if (!e) continue;
    // Keyed by slot, not event: while following a flood every row shows a new event each
    // render, and updating a row's attributes is cheaper than replacing its elements.
    rows.push(<TimelineRow key={r % 1024} event={e} top={r * TIMELINE_ROW_HEIGHT} time={formatRelative(e.at, base)} laneX={laneX} otherTab={e.tab !== store.tab} from={remoteSenderOf(e, store)} selected={e.id === selectedEventId} onSelect={onSelect} onInspect={onInspect} />);
  }

  return (
    <div className="timeline">
      <div className="tl-head" style={{ width }}>
        <span className="tl-gutter">time s</span>
        {lanes.map((n, i) => (
          <span key={n.id} className={`tl-lane-name tl-lane-${n.kind}`} style={{ left: laneX.get(n.id), maxWidth: widths[i]! - 8 }} title={`${n.kind} ${n.name}`}>
            {n.name}
          </span>
        ))}
      </div>
      <div
        className="tl-body"
        ref={ref}
        role="table"
        aria-label="Timeline of trace events"
        onScroll={(ev) => {
          onScroll();
          setScrollTop(ev.currentTarget.scrollTop);
          // The header scrolls sideways with the body.
          const head = ev.currentTarget.previousElementSibling as HTMLElement | null;
          if (head) head.style.transform = `translateX(${-ev.currentTarget.scrollLeft}px)`;
        }}
      >
        {indices.length === 0 && <div className="empty">{store.events.size ? 'No events match the filter.' : 'Nothing yet. Run the example to watch messages flow.'}</div>}
        <div className="tl-spacer" style={{ height, width }}>
          {height > 0 && lanes.map((n) => <div key={n.id} className={`tl-lifeline tl-lane-${n.kind}`} style={{ left: laneX.get(n.id), height }} />)}
          {rows}
        </div>
      </div>
    </div>
  );
}
