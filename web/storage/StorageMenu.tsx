import { useRef, useState } from 'react';
import { exportEverything, importEverything, readBackup, type ImportReport } from '../../src/index';
import { downloadBlob } from '../share/downloadBlob';
import { useStorageStatus } from './useStorageStatus';
import './storage.css';
import { placePopover } from '../share/placePopover';
import { useDismissable } from '../share/useDismissable';

const mb = (n: number | undefined) => (n === undefined ? '?' : n < 1e6 ? `${(n / 1e3).toFixed(0)} kB` : n < 1e9 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e9).toFixed(1)} GB`);

/**
 * Storage menu: whether the browser keeps the playground's data (persistent or best
 * effort), how much it uses, a button asking it to keep it, and Export everything /
 * Import everything (all workspaces, settings, key-value data, blobs, topic logs) as one file.
 */
export function StorageMenu() {
  const { status, refresh, persist } = useStorageStatus();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  // Closes on Escape or a click elsewhere, as Share and Workspaces do (it stayed open, under them).
  const ref = useDismissable();

  const exportAll = async () => {
    try {
      const backup = await exportEverything();
      downloadBlob(new Blob([JSON.stringify(backup)], { type: 'application/json' }), `wasi-playground-backup-${backup.exportedAt.slice(0, 10)}.json`);
      setMessage({ kind: 'ok', text: `Exported ${backup.databases.length} databases and ${Object.keys(backup.localStorage).length} settings entries.` });
    } catch (e) {
      setMessage({ kind: 'error', text: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  const importAll = async (file: File | undefined) => {
    if (!file) return;
    try {
      void persist();
      const report = await importEverything(readBackup(await file.text()));
      setMessage({ kind: report.conflicts.length || report.skipped.length ? 'error' : 'ok', text: describeImport(report) });
      void refresh();
    } catch (e) {
      setMessage({ kind: 'error', text: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <details ref={ref} className="storage-menu" onToggle={(e) => e.currentTarget.open && (placePopover(e.currentTarget), void refresh())}>
      <summary data-testid="storage" title="What this browser keeps for the playground">
        Storage
      </summary>
      <div className="storage-popover" data-popover role="group" aria-label="Storage">
        <p data-testid="storage-status">
          {status === undefined
            ? 'Checking…'
            : status.persisted === undefined
              ? 'This address offers no storage manager (plain http from another host): the browser may clear saved work when space runs low. Export everything to keep a copy.'
              : `${status.persisted ? 'Persistent: the browser keeps this data until you clear it.' : 'Best effort: the browser may clear this data when space runs low.'} Using ${mb(status.usage)}${status.quota ? ` of ${mb(status.quota)}` : ''}.`}
        </p>
        {status?.persisted === false && (
          <button type="button" data-testid="storage-persist" onClick={() => void persist().then((ok) => ok === false && setMessage({ kind: 'error', text: 'The browser declined to make storage persistent (it decides from how you use the site). Export everything to keep a copy.' }))}>
            Keep my data in this browser
          </button>
        )}
        <div className="storage-row">
          <button type="button" data-testid="export-everything" onClick={() => void exportAll()}>Export everything</button>
          <button type="button" data-testid="import-everything" onClick={() => fileInput.current?.click()}>Import everything…</button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="import-everything-file" onChange={(e) => void importAll(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
        </div>
        {message && <p className={`storage-message storage-${message.kind}`} data-testid="storage-message" role="status">{message.text}</p>}
      </div>
    </details>
  );
}

function describeImport(r: ImportReport): string {
  const parts = [`Imported ${r.added} new entries; ${r.unchanged} were already here.`];
  if (r.conflicts.length) parts.push(`${r.conflicts.length} differ from what is stored and were left as stored: ${r.conflicts.slice(0, 5).join(', ')}${r.conflicts.length > 5 ? ', …' : ''}.`);
  if (r.skipped.length) parts.push(`Skipped (this browser's database has no such store): ${r.skipped.join(', ')}.`);
  if (r.trustLeftOut) parts.push('Which host code the other browser trusted was not taken: host code in imported workspaces asks before it runs here.');
  if (r.lessonChecksLeftOut) parts.push("Which lesson check scripts the other browser allowed was not taken: an imported lesson's script asks before it runs here.");
  parts.push('Reload to see imported settings.');
  return parts.join(' ');
}
