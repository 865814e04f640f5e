import { useState } from 'react';
import type { WorkspaceSummary } from '../../src/index';
import { exampleRecordId, getAppStore } from '../state/appWorkspaces';
import type { WorkspaceState } from '../state/useWorkspace';
import { useDismissable } from './useDismissable';
import { requestPersistence } from '../storage/requestPersistence';
import './share.css';
import { placePopover } from './placePopover';

interface Props {
  ws: WorkspaceState;
  onError(text: string): void;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const when = (ms: number) => (ms ? new Date(ms).toLocaleString() : 'unknown date');

/**
 * Workspaces ▾: every saved workspace (examples' edited copies, named saves, edited
 * shares and imports), newest first; open, delete, or save the current one under a name.
 */
export function WorkspacesMenu({ ws, onError }: Props) {
  const ref = useDismissable();
  const [list, setList] = useState<WorkspaceSummary[]>();
  const [name, setName] = useState('');

  const refresh = async () => {
    try {
      setList(await (await getAppStore()).list());
    } catch (e) {
      setList([]);
      onError(describe(e));
    }
  };
  const close = () => ref.current && (ref.current.open = false);
  const openItem = (item: WorkspaceSummary) => {
    close();
    // An example's own record opens as that example, so undoing all edits deletes it again.
    const own = item.exampleId !== undefined && item.id === exampleRecordId(item.exampleId);
    void ws.open(own ? { kind: 'example', id: item.exampleId } : { kind: 'record', id: item.id, fallbackExampleId: item.exampleId });
  };

  const remove = async (item: WorkspaceSummary) => {
    if (!confirm(`Delete the saved workspace "${item.name}"? This can't be undone.`)) return;
    try {
      await (await getAppStore()).delete(item.id);
      // Deleting the open workspace: fall back to its example so nothing re-saves it silently.
      if (item.id === ws.recordId) await ws.open({ kind: 'example', id: ws.example.id });
    } catch (e) {
      onError(describe(e));
    }
    await refresh();
  };

  const saveAs = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      await ws.saveAs(trimmed);
      // The first explicit save: ask the browser to keep storage (once per page).
      void requestPersistence();
      setName('');
      close();
    } catch (e) {
      onError(describe(e));
    }
  };

  return (
    <details className="workspaces-menu" ref={ref} onToggle={(e) => e.currentTarget.open && (placePopover(e.currentTarget), void refresh())}>
      <summary data-testid="workspaces" title="Saved workspaces">
        Workspaces
      </summary>
      <div className="workspaces-popover" data-popover role="group" aria-label="Saved workspaces">
        <form className="share-row" onSubmit={(e) => (e.preventDefault(), void saveAs())}>
          <input className="trace-filter" value={name} onChange={(e) => setName(e.target.value)} placeholder={`Save "${ws.name}" as…`} aria-label="Name for a saved copy" data-testid="save-as-name" />
          <button type="submit" disabled={!name.trim()} data-testid="save-as">
            Save copy
          </button>
        </form>
        {list === undefined ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <p className="muted">Nothing saved yet: edits are saved automatically.</p>
        ) : (
          <ul className="workspaces-list" data-testid="workspace-list">
            {list.map((item) => (
              <li key={item.id} className={item.id === ws.recordId ? 'current' : undefined}>
                <button type="button" className="ws-open" title={`Saved ${when(item.updatedAt)}`} onClick={() => openItem(item)}>
                  {item.name} <span className="muted">· {when(item.updatedAt)}</span>
                </button>
                <button type="button" className="small" aria-label={`Delete ${item.name}`} onClick={() => void remove(item)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
