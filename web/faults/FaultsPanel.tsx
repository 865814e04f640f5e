import { useEffect, useState } from 'react';
import { validateFaultConfig, type FaultConfig } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import { formatCallRules, parseCallRules } from './callRules';
import { exampleFaults, faultsForGuest, readWorkspaceFaults, type WorkspaceFaults } from './workspaceFaults';
import './faults.css';

const ALL = '*';
type Mode = 'inherit' | 'off' | 'on';

/** Short text of a config for the per-guest summary. */
function summarize(c: FaultConfig | undefined): string {
  if (!c) return 'no faults';
  const parts = [`seed ${c.seed ?? 1}`];
  if (c.dropProbability) parts.push(`drop ${c.dropProbability}`);
  if (c.duplicateProbability) parts.push(`duplicate ${c.duplicateProbability}`);
  if (c.delayMs) parts.push(`delay ${c.delayMs.min}–${c.delayMs.max} ms`);
  if ((c.reorderWindow ?? 0) > 1) parts.push(`reorder ${c.reorderWindow}`);
  for (const r of c.calls ?? []) parts.push(`${r.fn} fails ${r.nth !== undefined ? `#${r.nth}` : ''}${r.probability !== undefined ? ` p=${r.probability}` : ''}`.trim());
  return parts.join(' · ');
}

/**
 * Faults tab: seeded fault injection for the next Run, for all guests or one guest, kept in
 * the workspace's `hosts.faults`. Until edited, the example guests' defaults apply.
 */
export function FaultsPanel({ ctx }: PanelProps) {
  const stored = readWorkspaceFaults(ctx.hosts?.faults);
  const current: WorkspaceFaults = stored ?? exampleFaults(ctx.example);
  const [scope, setScope] = useState(ALL);
  const names = ctx.guests.map((g) => g.name);
  const own = scope === ALL ? current.all : current.guests?.[scope];
  const mode: Mode = scope === ALL ? (own ? 'on' : 'off') : own === null ? 'off' : own ? 'on' : 'inherit';
  const config: FaultConfig = own ?? {};
  const editable = ctx.hosts !== undefined && ctx.setHosts !== undefined;
  const [calls, setCalls] = useState(formatCallRules(config.calls));
  const parsedCalls = parseCallRules(calls);
  const callsKey = `${scope}|${formatCallRules(config.calls)}`;
  useEffect(() => setCalls(callsKey.slice(callsKey.indexOf('|') + 1)), [callsKey]);

  const write = (next: FaultConfig | null | undefined) => {
    if (!ctx.hosts || !ctx.setHosts) return;
    const f: WorkspaceFaults = { ...current, guests: { ...(current.guests ?? {}) } };
    if (scope === ALL) {
      if (next) f.all = next;
      else delete f.all;
    } else if (next === undefined) delete f.guests![scope];
    else f.guests![scope] = next;
    ctx.setHosts({ ...ctx.hosts, faults: f });
  };
  const patch = (p: Partial<FaultConfig>) => {
    const next: Record<string, unknown> = { ...config, ...p };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    write(next as FaultConfig);
  };
  const num = (v: string): number | undefined => (v.trim() === '' || Number.isNaN(Number(v)) ? undefined : Number(v));
  const setMode = (m: Mode) => write(m === 'on' ? { seed: 1, ...config } : m === 'off' ? (scope === ALL ? undefined : null) : undefined);
  const reset = () => {
    if (!ctx.hosts || !ctx.setHosts) return;
    const { faults: _dropped, ...rest } = ctx.hosts;
    ctx.setHosts(rest);
  };
  // "off for all guests" must not read as "no faults" while guests have their own.
  const ownFaults = scope === ALL && !own ? names.filter((n) => faultsForGuest(current, n)) : [];
  const problems = own ? [...validateFaultConfig(config), ...parsedCalls.errors] : [];

  return (
    <div className="panel faults-panel" data-testid="faults-panel">
      <p className="faults-note">
        Seeded faults for the next Run: the same seed and traffic inject the same faults. Dropped, duplicated, delayed and reordered messages show in the Trace with a
        <span className="badge badge-fault">fault: …</span> badge. {stored ? 'Edited for this workspace.' : 'Showing the example\'s defaults.'}
      </p>
      <div className="faults-row">
        <label>
          Applies to
          <select data-testid="fault-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value={ALL}>all guests</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          {scope === ALL ? 'Faults for every guest' : 'Faults'}
          <select data-testid="fault-mode" value={mode} disabled={!editable} onChange={(e) => setMode(e.target.value as Mode)}>
            {scope !== ALL && <option value="inherit">as for all guests</option>}
            <option value="off">{scope === ALL && ownFaults.length > 0 ? 'none shared (guests below have their own)' : 'off'}</option>
            <option value="on">on</option>
          </select>
        </label>
        <button type="button" data-testid="fault-reset" disabled={!editable || !stored} onClick={reset}>Reset to example defaults</button>
      </div>
      {ownFaults.length > 0 && (
        <p className="faults-note" data-testid="fault-own-note">
          {ownFaults.join(', ')} {ownFaults.length === 1 ? 'has its' : 'have their'} own faults (listed under Next Run); pick {ownFaults.length === 1 ? 'it' : 'one'} in “Applies to” to change them.
        </p>
      )}
      {own && (
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          <div className="faults-row">
            <label>Seed<input type="number" data-testid="fault-seed" value={config.seed ?? ''} onChange={(e) => patch({ seed: num(e.target.value) })} /></label>
            <label>Drop (0–1)<input type="number" step="0.05" min="0" max="1" data-testid="fault-drop" value={config.dropProbability ?? ''} onChange={(e) => patch({ dropProbability: num(e.target.value) })} /></label>
            <label>Duplicate (0–1)<input type="number" step="0.05" min="0" max="1" data-testid="fault-duplicate" value={config.duplicateProbability ?? ''} onChange={(e) => patch({ duplicateProbability: num(e.target.value) })} /></label>
            <label>Delay min ms<input type="number" min="0" data-testid="fault-delay-min" value={config.delayMs?.min ?? ''} onChange={(e) => { const min = num(e.target.value); patch({ delayMs: min === undefined ? undefined : { min, max: Math.max(min, config.delayMs?.max ?? min) } }); }} /></label>
            <label>Delay max ms<input type="number" min="0" data-testid="fault-delay-max" value={config.delayMs?.max ?? ''} onChange={(e) => { const max = num(e.target.value); patch({ delayMs: max === undefined ? undefined : { min: Math.min(config.delayMs?.min ?? 0, max), max } }); }} /></label>
            <label>Reorder window<input type="number" min="0" data-testid="fault-reorder" value={config.reorderWindow ?? ''} onChange={(e) => patch({ reorderWindow: num(e.target.value) })} /></label>
            <label>
              Messages faulted at
              <select data-testid="fault-at" value={config.messagesAt ?? 'send'} onChange={(e) => patch({ messagesAt: e.target.value as 'send' | 'deliver' })}>
                <option value="send">send (every receiver alike)</option>
                <option value="deliver">deliver (this guest only)</option>
              </select>
            </label>
          </div>
          <label className="faults-note">
            Failing host calls, one per line: interface, function as the trace names it, then a probability and/or #nth call
            <textarea
              data-testid="fault-calls"
              spellCheck={false}
              placeholder="wasi:keyvalue/store [method]bucket.get 0.2&#10;wasi:messaging/producer send #3"
              value={calls}
              onChange={(e) => {
                setCalls(e.target.value);
                const parsed = parseCallRules(e.target.value);
                if (parsed.errors.length === 0) patch({ calls: parsed.rules.length ? parsed.rules : undefined });
              }}
            />
          </label>
        </fieldset>
      )}
      {problems.length > 0 && <ul className="faults-problems" data-testid="fault-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div>
        <div className="faults-note">Next Run:</div>
        {names.map((n) => (
          <div key={n} data-testid="fault-effective" data-guest={n}><code>{n}</code>: {summarize(faultsForGuest(current, n))}</div>
        ))}
      </div>
    </div>
  );
}
