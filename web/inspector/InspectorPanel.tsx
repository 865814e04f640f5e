import { useSyncExternalStore } from 'react';
import { findEvent } from '../diagram/findEvent';
import type { PanelProps } from '../panels/registerPanel';
import { AttributeTable } from './AttributeTable';
import { CallDetails } from './CallDetails';
import { MessageDetails } from './MessageDetails';
import { describeRemoteSender, remoteSenderOf } from '../trace/remoteSender';
import './inspector.css';

/**
 * Inspector tab: everything recorded about the event selected in Trace, Diagram or
 * Timeline — envelope and payload for messages, args/result/timing for host calls.
 */
export function InspectorPanel({ ctx }: PanelProps) {
  const store = ctx.traceStore;
  // Re-resolve on store changes: the selection may be evicted from the ring, or cleared.
  useSyncExternalStore(store.subscribe, () => `${store.events.total}:${store.events.size}`);
  const event = findEvent(store, ctx.selectedEventId);
  if (!event) {
    return (
      <div className="panel inspector-panel">
        <p className="empty" data-testid="inspector-empty">
          {ctx.selectedEventId ? 'The selected event is no longer in the trace (cleared, or pushed out of the 10,000-event buffer).' : 'Select an event in the Trace or Diagram tab to inspect it here.'}
        </p>
      </div>
    );
  }
  const otherTab = event.tab !== store.tab;
  const head: [string, React.ReactNode][] = [
    ['guest', event.guest],
    ['tab', otherTab ? <><span className="badge badge-tab">other tab</span>{event.tab}</> : `${event.tab} (this tab)`],
    ['time', new Date(event.at).toISOString()],
    ['event id', event.id],
  ];
  const kindLabel = event.kind === 'message' ? `message · ${event.action}` : event.kind === 'call' ? 'host call' : `lifecycle · ${event.phase}`;
  return (
    <div className="panel inspector-panel" data-testid="inspector">
      <div className="insp-title">
        <span className={`badge insp-kind insp-kind-${event.kind}`}>{kindLabel}</span>
        <span className="insp-title-text">{event.kind === 'message' ? event.topic : event.kind === 'call' ? `${event.iface}#${event.fn}` : event.guest}</span>
      </div>
      <div className="insp-body">
        <section className="insp-section">
          <AttributeTable rows={head} testId="inspector-field" />
        </section>
        {event.kind === 'message' && <MessageDetails event={event} sender={senderOf(event, store)} />}
        {event.kind === 'call' && <CallDetails event={event} />}
        {event.kind === 'lifecycle' && (
          <section className="insp-section">
            <h3>Lifecycle</h3>
            <AttributeTable rows={[['phase', event.phase], ['detail', event.detail ?? '—'], ['duration', event.ms === undefined ? '—' : `${event.ms.toFixed(1)} ms`]]} testId="inspector-field" />
          </section>
        )}
      </div>
    </div>
  );
}

/** Who outside this browser sent a delivered message, in words (remoteSender.ts). */
function senderOf(event: Parameters<typeof remoteSenderOf>[0], store: Parameters<typeof remoteSenderOf>[1]): string | undefined {
  const sender = remoteSenderOf(event, store);
  return sender && event.kind === 'message' ? describeRemoteSender(sender, event.envelope.source, event.transit?.replayed) : undefined;
}
