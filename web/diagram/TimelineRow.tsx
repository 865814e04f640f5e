import { memo } from 'react';
import type { RemoteSender } from '../trace/remoteSender';
import type { TraceEvent } from '../../src/index';
import { stepOf } from './flowGraph';
import { topicOf } from './timelineFilter';

interface Props {
  event: TraceEvent;
  top: number;
  time: string;
  laneX: Map<string, number>;
  otherTab: boolean;
  /** A delivered message's sender outside this browser (remoteSender.ts). */
  from?: RemoteSender;
  selected: boolean;
  onSelect(id: string): void;
  onInspect(id: string): void;
}

/** One event of the timeline: an arrow between two lifelines, or a mark on one. */
export const TimelineRow = memo(function TimelineRow({ event, top, time, laneX, otherTab, from, selected, onSelect, onInspect }: Props) {
  const s = stepOf(event);
  const x0 = laneX.get(s.from);
  const x1 = laneX.get(s.to);
  const action = event.kind === 'message' ? event.action : event.kind === 'call' ? (event.dir === 'export' ? 'handler' : event.pending ? 'call-start' : 'call') : event.kind === 'lifecycle' ? event.phase : '';
  const title = event.kind === 'message' ? `${event.action} ${event.topic}${event.to ? ` → ${event.to}` : ''}` : event.kind === 'call' ? `${event.guest}: ${event.iface}#${event.fn} (${event.ms.toFixed(1)} ms)` : `${event.guest}: ${s.label}`;
  const cls = `tl-row tl-${s.family}${s.bad ? ' bad' : ''}${selected ? ' selected' : ''}${otherTab || from ? ' other-tab' : ''}`;
  return (
    <div
      className={cls}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="timeline-row"
      data-event-id={event.id}
      data-kind={event.kind}
      data-action={action}
      data-topic={topicOf(event)}
      data-fn={event.kind === 'call' ? event.fn : undefined}
      role="row"
      aria-selected={selected}
      title={`${title} — double-click to inspect`}
      onClick={() => onSelect(event.id)}
      onDoubleClick={() => onInspect(event.id)}
    >
      <span className="tl-gutter">{time}</span>
      {x0 !== undefined && x1 !== undefined && (x0 === x1 ? <Mark x={x0} label={s.label} /> : <Arrow x0={x0} x1={x1} label={s.label} />)}
      {otherTab && <span className="badge badge-tab tl-tab-badge">other tab</span>}
      {from && !otherTab && <span className="badge badge-tab tl-tab-badge" data-testid="sender-badge">from {from}</span>}
    </div>
  );
});

function Arrow({ x0, x1, label }: { x0: number; x1: number; label: string }) {
  const left = Math.min(x0, x1);
  return (
    <span className={`tl-arrow${x1 < x0 ? ' rev' : ''}`} style={{ left, width: Math.abs(x1 - x0) }}>
      <span className="tl-label">{label}</span>
    </span>
  );
}

function Mark({ x, label }: { x: number; label: string }) {
  return (
    <span className="tl-mark" style={{ left: x }}>
      <span className="tl-label">{label}</span>
    </span>
  );
}
