import { useState } from 'react';
import type { PanelProps } from '../panels/registerPanel';
import { hostTemplate, validatePackageId } from './hostTemplate';
import { useHostCodeCheck } from './useHostCodeCheck';
import { LargeHostSource } from './LargeHostSource';
import { LARGE_SOURCE_CHARS } from '../codePreview/CodePreview';
import './customHosts.css';

/**
 * Host code tab: JavaScript hosts for interfaces the playground does not ship, keyed by WIT
 * package id. The example's own hosts show until edited; edits live in the workspace's
 * `hosts.customHosts` and reach the host-code sandbox with the next Run, where they win
 * over a built-in host of the same package.
 */
export function HostCodePanel({ ctx }: PanelProps) {
  const defaults = ctx.example?.customHosts ?? {};
  const mine = ctx.hosts?.customHosts ?? {};
  const all = { ...defaults, ...mine };
  const ids = Object.keys(all).sort();
  const [picked, setPicked] = useState<string | undefined>();
  const [newId, setNewId] = useState('');
  // Large sources open as a preview; the package the user chose to edit anyway.
  const [editLarge, setEditLarge] = useState<string | undefined>();
  const id = picked !== undefined && ids.includes(picked) ? picked : ids[0];
  const editable = ctx.hosts !== undefined && ctx.setHosts !== undefined;
  const setMine = (next: Record<string, string>) => ctx.hosts && ctx.setHosts?.({ ...ctx.hosts, customHosts: next });
  const newIdProblem = newId.trim() === '' ? undefined : validatePackageId(newId.trim()) ?? (all[newId.trim()] !== undefined ? 'a host for this package exists already' : undefined);
  const source = id !== undefined ? all[id] : undefined;
  const unreviewed = id !== undefined && (ctx.unreviewedHostCode ?? []).includes(id);
  const syntax = useHostCodeCheck(unreviewed ? undefined : source);

  const add = () => {
    const pkg = newId.trim();
    if (!pkg || newIdProblem) return;
    setMine({ ...mine, [pkg]: hostTemplate(pkg) });
    setPicked(pkg);
    setNewId('');
  };
  const remove = () => {
    if (id === undefined) return;
    const { [id]: _gone, ...rest } = mine;
    setMine(rest);
  };

  return (
    <div className="panel host-code-panel" data-testid="host-code-panel">
      <div className="host-code-bar">
        <select data-testid="host-code-package" value={id ?? ''} onChange={(e) => setPicked(e.target.value)} disabled={ids.length === 0}>
          {ids.length === 0 && <option value="">no custom hosts</option>}
          {ids.map((p) => <option key={p} value={p}>{p}{mine[p] !== undefined && defaults[p] !== undefined ? ' (edited)' : ''}</option>)}
        </select>
        {id !== undefined && mine[id] !== undefined && (
          <button type="button" data-testid="host-code-remove" disabled={!editable} onClick={remove}>{defaults[id] !== undefined ? 'Revert to example' : 'Remove'}</button>
        )}
        <input data-testid="host-code-new-id" placeholder="proposal:my-idea@0.1.0" value={newId} disabled={!editable} onChange={(e) => setNewId(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <button type="button" data-testid="host-code-add" disabled={!editable || !newId.trim() || newIdProblem !== undefined} onClick={add}>New host from template</button>
      </div>
      {newIdProblem && <div className="host-code-error">{newIdProblem}</div>}
      {id === undefined ? (
        <p className="host-code-note">
          Declare a new package in your WIT (<code>package proposal:my-idea@0.1.0 {'{ interface … }'}</code> after your world), import it from the world, then add a
          host for it here: its code runs in the host-code sandbox (no storage, no network) on the next Run.
        </p>
      ) : (
        <>
          {source !== undefined && source.length > LARGE_SOURCE_CHARS && editLarge !== id ? (
            <LargeHostSource source={source} editable={editable} onEdit={() => setEditLarge(id)} />
          ) : (
          <textarea
            className="host-code-editor"
            data-testid="host-code-editor"
            spellCheck={false}
            value={source}
            readOnly={!editable}
            onChange={(e) => setMine({ ...mine, [id]: e.target.value })}
          />
          )}
          {unreviewed ? <div className="host-code-note">Not accepted: this code came from outside this browser and does not run (review it with the badge above).</div> : syntax ? <div className="host-code-error" data-testid="host-code-error">{syntax} – Run will report it in the console</div> : <div className="host-code-note">Serves imports of {id} on the next Run.</div>}
        </>
      )}
    </div>
  );
}
