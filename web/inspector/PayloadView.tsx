import { useMemo, useState } from 'react';
import { formatBytes, payloadText, prettyJson } from './formatPayload';
import { HexDump } from './HexDump';

type Mode = 'json' | 'text' | 'hex';

/** Payload bytes with Text / JSON / Hex tabs; opens on JSON when the payload parses. */
export function PayloadView({ data }: { data: Uint8Array }) {
  const json = useMemo(() => prettyJson(data), [data]);
  const text = useMemo(() => payloadText(data), [data]);
  const [chosen, setMode] = useState<Mode | undefined>();
  const mode: Mode = chosen ?? (json !== undefined ? 'json' : text.valid ? 'text' : 'hex');
  const tabs: [Mode, string, boolean][] = [
    ['text', 'Text', true],
    ['json', 'JSON', json !== undefined],
    ['hex', 'Hex', true],
  ];
  return (
    <section className="insp-section insp-payload">
      <div className="insp-payload-head">
        <h3>Payload</h3>
        <span className="muted">{formatBytes(data.length)}{!text.valid && ' · not UTF-8'}</span>
        <div className="insp-tabs" role="tablist" aria-label="Payload view">
          {tabs.map(([m, label, enabled]) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} className={`insp-tab${mode === m ? ' active' : ''}`} disabled={!enabled} title={enabled ? undefined : 'Payload is not JSON'} data-testid={`inspector-tab-${m}`} onClick={() => setMode(m)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {mode === 'json' && json !== undefined && <pre className="insp-code" data-testid="inspector-json">{json}</pre>}
      {mode === 'text' && <pre className="insp-code insp-text" data-testid="inspector-text">{text.text || <span className="muted">(empty)</span>}</pre>}
      {mode === 'hex' && <HexDump data={data} />}
    </section>
  );
}
