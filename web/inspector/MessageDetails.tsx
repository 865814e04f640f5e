import type { BusMessageEvent } from '../../src/index';
import { AttributeTable } from './AttributeTable';
import { PayloadView } from './PayloadView';

/** CloudEvents 1.0 context attributes, in spec order; anything else is an extension. */
const CORE = ['id', 'source', 'type', 'specversion', 'subject', 'datacontenttype', 'dataschema', 'time'];

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** `wcpmetadata` holds the exact metadata pairs as JSON; show them as `key = value` lines. */
function metadataPairs(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const pairs = JSON.parse(value) as unknown;
    if (!Array.isArray(pairs)) return undefined;
    return pairs.map((p) => (Array.isArray(p) ? `${String(p[0])} = ${String(p[1])}` : JSON.stringify(p))).join('\n');
  } catch {
    return undefined;
  }
}

/** Bus fields, CloudEvents envelope (core + extensions) and payload of one message event. */
export function MessageDetails({ event, sender }: { event: BusMessageEvent; sender?: string }) {
  const env = event.envelope ?? {};
  const core = CORE.filter((k) => k in env).map((k): [string, string] => [k, show(env[k])]);
  const ext = Object.keys(env)
    .filter((k) => !CORE.includes(k))
    .sort()
    .map((k): [string, React.ReactNode] => {
      const pairs = k === 'wcpmetadata' ? metadataPairs(env[k]) : undefined;
      return [k, pairs !== undefined ? <pre className="insp-inline-pre">{pairs || '(none)'}</pre> : show(env[k])];
    });
  const bus: [string, string][] = [
    ['action', event.action],
    ['topic', event.topic],
    ...(event.to ? [['to', event.to] as [string, string]] : []),
    ...(sender ? [['sent by', sender] as [string, string]] : []),
    ...(event.fault ? [['fault', event.fault] as [string, string]] : []),
    ...(event.reason ? [['reason', dropReasonText(event.reason)] as [string, string]] : []),
    ...(event.transit?.ms !== undefined ? [['broker delay', describeTransit(event.transit.via, event.transit.ms, event.envelope?.time)] as [string, string]] : []),
  ];
  return (
    <>
      <section className="insp-section">
        <h3>Message</h3>
        <AttributeTable rows={bus} testId="inspector-field" />
      </section>
      <section className="insp-section" data-testid="inspector-envelope">
        <h3>CloudEvents envelope</h3>
        <AttributeTable rows={core} testId="inspector-attr" />
        {ext.length > 0 && (
          <>
            <h4>Extensions</h4>
            <AttributeTable rows={ext} testId="inspector-attr" />
          </>
        )}
      </section>
      {event.data instanceof Uint8Array ? <PayloadView data={event.data} /> : <p className="empty">No payload bytes recorded.</p>}
    </>
  );
}

/**
 * A standard handler's drop, in words: standard wasi:messaging has no nack, so an err from
 * `handle` is the last the host hears of the message (the proposal's acks redeliver).
 */
function dropReasonText(reason: string): string {
  return reason.startsWith('handler ') ? `${reason}: the host dropped the message (standard wasi:messaging has no nack and never redelivers; proposal:messaging-ext acks do)` : reason;
}

/** "3.2 ms through NATS (sent 12:00:01.004, by the sender's clock)". */
function describeTransit(via: string, ms: number, time: unknown): string {
  const sent = typeof time === 'string' ? ` (sent ${time.slice(11, 23)} UTC by the sender's clock; another machine's clock may differ)` : '';
  return `${ms} ms through ${via}${sent}`;
}
