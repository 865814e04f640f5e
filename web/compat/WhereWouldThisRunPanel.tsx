import { checkCompatibility, hostWorlds, interfacesOfWit, runsOn, type CompatStatus } from '../../src/index';
import type { PanelProps } from '../panels/registerPanel';
import './compat.css';

const LABEL: Record<CompatStatus, string> = { links: 'links', version: 'version mismatch', shape: 'other shape', missing: 'missing' };

/**
 * "Where would this run?": every import and export of each guest (or of the opened
 * component) checked against the worlds real hosts serve, from the reviewed files in
 * src/compat/hosts/ (source and date shown under the table).
 */
export function WhereWouldThisRunPanel({ ctx }: PanelProps) {
  return (
    <div className="panel compat-panel" data-testid="compat-panel">
      <div className="compat-body">
        {ctx.guests.map((g) => {
          const ifaces = interfacesOfWit(g.wit);
          const rows = checkCompatibility(ifaces);
          const verdict = runsOn(rows);
          const worldFns = [...g.wit.matchAll(/^\s*export\s+([\w-]+)\s*:\s*func/gm)].map((m) => m[1]);
          return (
            <section key={g.name} className="compat-guest" data-testid="compat-guest" data-name={g.name}>
              <h3>{g.name}</h3>
              {rows.length === 0 ? (
                <p className="muted">No interface imports or exports: any component host can instantiate it.</p>
              ) : (
                <table className="compat-table">
                  <thead>
                    <tr>
                      <th>{g.name} needs</th>
                      {hostWorlds.map((h) => (
                        <th key={h.id} title={`Reviewed ${h.reviewed}: ${h.sources.join(' · ')}`}>{h.name}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.direction} ${r.id}`} data-testid="compat-row" data-id={r.id}>
                        <td>
                          <span className="muted">{r.direction}</span> <code>{r.id}</code>
                          {r.hint && <div className="compat-hint">{r.hint}</div>}
                        </td>
                        {hostWorlds.map((h) => {
                          const c = r.cells[h.id]!;
                          return (
                            <td key={h.id} className={`compat-${c.status}`} data-host={h.id} data-status={c.status} title={c.note}>
                              {LABEL[c.status]}
                              {c.note && <div className="compat-note">{c.note}</div>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                    <tr className="compat-verdict">
                      <td>whole component</td>
                      {hostWorlds.map((h) => (
                        <td key={h.id} data-testid="compat-verdict" data-host={h.id} className={verdict[h.id] ? 'compat-links' : 'compat-missing'}>
                          {verdict[h.id] ? 'runs' : 'does not link'}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              )}
              {worldFns.length > 0 && (
                <p className="muted compat-foot">
                  World-level exports ({worldFns.join(', ')}) are called by this playground; other hosts call only the interfaces they serve (a command exports <code>wasi:cli/run</code>).
                </p>
              )}
            </section>
          );
        })}
        <details className="compat-sources">
          <summary>Where the host data comes from</summary>
          <ul>
            {hostWorlds.map((h) => (
              <li key={h.id}>
                <strong>{h.name}</strong> (reviewed {h.reviewed}): {h.sources.join(' · ')}
                {h.notes?.length ? (
                  <ul className="compat-host-notes" data-testid="compat-host-notes" data-host={h.id}>
                    {h.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">Imports are matched by exact package version; wasi:cli, io, clocks, random (and filesystem, sockets, http where served) accept any 0.2.x.</p>
        </details>
      </div>
    </div>
  );
}
