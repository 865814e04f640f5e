import type { Workspace } from '../../src/index';
import { findAppExample } from './appWorkspaces';
import type { SaveTarget } from './createAutosave';

/**
 * Edits the page had not written to IndexedDB yet when it went away. Autosave waits
 * 400 ms after the last keystroke and its write on `pagehide` is asynchronous, so a reload
 * right after typing lost the last edits: the page is gone before IndexedDB commits. They
 * are kept synchronously in sessionStorage (this tab's, which survives a reload and is
 * not shared with other tabs, so two tabs closing at once cannot overwrite each other)
 * and written to their workspace first thing on the next load of the tab.
 */
const KEY = 'wcp:unsaved-edits';

/** Where the edits go, in a form that survives JSON (an example by id). */
type StoredTarget = { kind: 'example'; exampleId: string } | { kind: 'record'; id: string; name: string } | { kind: 'new'; name: string };

interface StoredV1 {
  v: 1;
  /** The autosave's sequence number of this snapshot (see createAutosave). */
  seq: number;
  workspace: Workspace;
  target: StoredTarget;
}

/** Pending edits as handed over by the page that went away. */
export interface UnsavedEdits {
  workspace: Workspace;
  target: SaveTarget;
}

function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps `workspace` for `target` (sync). Too large for sessionStorage: the async save is all there is. */
export function keepUnsavedEdits(workspace: Workspace, target: SaveTarget, seq: number, storage = sessionStore()): void {
  const stored: StoredTarget | undefined =
    target.kind === 'example' ? { kind: 'example', exampleId: target.example.id } : target.kind === 'record' ? { kind: 'record', id: target.id, name: target.name } : target.kind === 'new' ? { kind: 'new', name: target.name } : undefined;
  if (!stored) return;
  try {
    storage?.setItem(KEY, JSON.stringify({ v: 1, seq, workspace, target: stored } satisfies StoredV1));
  } catch {
    // Over quota: nothing kept, as before.
  }
}

/** Forgets kept edits once a save at least as new (`seq`) has landed. */
export function forgetUnsavedEdits(seq: number, storage = sessionStore()): void {
  try {
    const raw = storage?.getItem(KEY);
    if (raw && (JSON.parse(raw) as Partial<StoredV1>).seq! <= seq) storage?.removeItem(KEY);
  } catch {
    storage?.removeItem(KEY);
  }
}

/** Takes the kept edits (removing them), or undefined; anything unreadable is dropped. */
export function takeUnsavedEdits(storage = sessionStore()): UnsavedEdits | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(KEY);
    storage?.removeItem(KEY);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const o = JSON.parse(raw) as StoredV1;
    if (o.v !== 1 || typeof o.workspace !== 'object' || o.workspace === null || !Array.isArray(o.workspace.guests)) return undefined;
    const t = o.target;
    if (t.kind === 'example') {
      const example = findAppExample(t.exampleId);
      return example ? { workspace: o.workspace, target: { kind: 'example', example } } : undefined;
    }
    if (t.kind === 'record' && typeof t.id === 'string') return { workspace: o.workspace, target: { kind: 'record', id: t.id, name: String(t.name) } };
    if (t.kind === 'new') return { workspace: o.workspace, target: { kind: 'new', name: String(t.name) } };
  } catch {
    // Damaged: dropped.
  }
  return undefined;
}
