import type { HostCallEvent } from '../../src/index';
import { AttributeTable } from './AttributeTable';
import { formatValue } from './formatPayload';

/** Interface, function, target, duration, arguments and result of one host call. */
export function CallDetails({ event }: { event: HostCallEvent }) {
  const rows: [string, React.ReactNode][] = [
    ['interface', event.iface],
    ['function', event.fn],
    ['direction', event.dir === 'export' ? 'export (host → guest handler)' : 'import (guest → host)'],
    ['target', event.target ? `${event.target.type} ${event.target.name}` : '—'],
    ['duration', `${event.ms < 10 ? event.ms.toFixed(2) : Math.round(event.ms)} ms`],
    ['outcome', <span className={event.ok ? 'insp-ok' : 'insp-err'}>{event.ok ? 'ok' : 'error'}</span>],
  ];
  return (
    <>
      <section className="insp-section">
        <h3>Host call</h3>
        <AttributeTable rows={rows} testId="inspector-field" />
      </section>
      <section className="insp-section">
        <h3>Arguments ({event.args.length})</h3>
        {event.args.length === 0 ? (
          <p className="muted insp-note">none</p>
        ) : (
          event.args.map((a, i) => (
            <pre key={i} className="insp-code" data-testid="inspector-arg">
              <span className="muted">#{i} </span>
              {formatValue(a)}
            </pre>
          ))
        )}
      </section>
      <section className="insp-section">
        <h3>{event.ok ? 'Result' : 'Error'}</h3>
        <pre className={`insp-code${event.ok ? '' : ' insp-err'}`} data-testid="inspector-result">
          {event.result === undefined && event.ok ? '() — no value' : formatValue(event.result)}
        </pre>
      </section>
    </>
  );
}
