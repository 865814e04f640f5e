import { memo } from 'react';
import type { TraceEvent } from '../src/index';
import { describeTraceEvent, formatMs, formatRelative } from './trace/describeTraceEvent';
import { ViaBadge } from './trace/ViaBadge';
import { describeRemoteSender, type RemoteSender } from './trace/remoteSender';
import './faults/faults.css';

interface Props {
  event: TraceEvent;
  base: number;
  top: number;
  otherTab: boolean;
  /** A delivered message's sender outside this browser (remoteSender.ts). */
  from?: RemoteSender;
  selected: boolean;
  onSelect(id: string): void;
}

/** One absolutely positioned row of the virtualized trace table. */
export const TraceRow = memo(function TraceRow({ event, base, top, otherTab, from, selected, onSelect }: Props) {
  const d = describeTraceEvent(event);
  const okClass = d.ok === undefined ? '' : d.ok ? ' ok' : ' err';
  return (
    <div
      className={`trace-row${okClass}${selected ? ' selected' : ''}${otherTab ? ' other-tab' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="trace-row"
      data-kind={event.kind}
      role="row"
      aria-selected={selected}
      onClick={() => onSelect(event.id)}
    >
      <span className="tc-time">{formatRelative(event.at, base)}</span>
      <span className="tc-guest" title={`${event.guest} (${event.tab})`}>
        {/* Badge first so a long guest name can't push it out of the cell. */}
        {otherTab && <span className="badge badge-tab">other tab</span>}
        {event.guest}
      </span>
      <span className="tc-kind">{d.kind}</span>
      <span className="tc-what" title={d.whatTitle}>
        {/* Injected faults (src/hosts/faults) mark the event itself: drop, duplicate, delay… */}
        {event.kind === 'message' && event.fault && <span className="badge badge-fault" data-testid="fault-badge">fault: {event.fault}</span>}
        {from && event.kind === 'message' && <span className="badge badge-tab" data-testid="sender-badge" title={`Sent by ${describeRemoteSender(from, event.envelope.source, event.transit?.replayed)}`}>from {from}</span>}
        {d.what}
      </span>
      <span className="tc-detail" title={d.detail}>
        {/* First, not last: a narrow table (phone, presenter, lesson) cut the end of a long payload and
            hid its ms column, so the room never saw a message came through the server nor its delay. */}
        {d.via !== undefined && <ViaBadge via={d.via} ms={d.ms} />}
        {d.detail}
      </span>
      <span className="tc-ms">{d.ms === undefined ? '' : formatMs(d.ms)}</span>
    </div>
  );
});
