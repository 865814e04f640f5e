import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { workspaceFromExample, type Example, type Workspace, type WorkspaceGuest, type WorkspaceHosts, type WorkspaceStoreError } from '../../src/index';
import { appExamples, exampleRecordId, findAppExample, getAppStore } from './appWorkspaces';
import { createAutosave, writeWorkspace, type SaveTarget } from './createAutosave';
import { forgetUnsavedEdits, keepUnsavedEdits, takeUnsavedEdits } from './unsavedEdits';
import { scratchExample } from './scratchExample';

/** How the open workspace got here: an example's own copy, a named save, a share link or a file. */
export type WorkspaceOrigin = 'example' | 'saved' | 'share' | 'file';

/** What to open: an example (with the user's saved edits), a saved record, or a workspace in hand. */
export type OpenRequest =
  | { kind: 'example'; id: string | undefined }
  | { kind: 'record'; id: string; fallbackExampleId?: string }
  | { kind: 'workspace'; workspace: Workspace; name: string; origin: 'share' | 'file' };

interface Session {
  example: Example;
  workspace: Workspace;
  target: SaveTarget;
  name: string;
  origin: WorkspaceOrigin;
}

/** The workspace in the editors and what can be done with it. */
export interface WorkspaceState {
  /** Example the workspace is based on (scratch when it has none). */
  example: Example;
  workspace: Workspace;
  guests: WorkspaceGuest[];
  name: string;
  origin: WorkspaceOrigin;
  /** Record that autosave writes to; undefined until a shared/imported workspace is first edited. */
  recordId: string | undefined;
  /** Last save failed (previous save intact); cleared by the next successful save. */
  saveError: WorkspaceStoreError | undefined;
  /** Why the requested workspace could not be loaded (something else is shown instead). */
  loadError: string | undefined;
  /** Changes one guest's sources, call or subscriptions (all saved and shared). */
  updateGuest(index: number, patch: Partial<Omit<WorkspaceGuest, 'name'>>): void;
  setHosts(hosts: WorkspaceHosts): void;
  /** Back to the example's original sources (stored edits of an example are removed). */
  reset(): void;
  open(request: OpenRequest): Promise<void>;
  /**
   * Counts the opens since the page loaded (the first, the page's own, not counted): another
   * example, a saved workspace, a link, a file. Other code than what ran is then in the
   * editors, whether or not the example changed.
   */
  opened: number;
  /** Stores a copy under `name` and continues editing that copy. */
  saveAs(name: string): Promise<void>;
}

const exampleFor = (ws: Workspace): Example => findAppExample(ws.exampleId) ?? scratchExample;

let rescued: Promise<void> | undefined;
/**
 * Once per page: writes the edits the tab's previous page left unsaved (unsavedEdits.ts)
 * to their workspace, before anything is loaded. Once, not per autosave: StrictMode makes
 * two. If the write fails they are kept again, so the next load tries once more.
 */
function rescueUnsavedEdits(): Promise<void> {
  rescued ??= (async () => {
    const left = takeUnsavedEdits();
    if (!left) return;
    try {
      await writeWorkspace(await getAppStore(), left.workspace, left.target);
    } catch {
      keepUnsavedEdits(left.workspace, left.target, 0);
    }
  })();
  return rescued;
}
const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

function exampleSession(id: string | undefined, persist: boolean): Session {
  const example = findAppExample(id) ?? appExamples[0] ?? scratchExample;
  return { example, workspace: workspaceFromExample(example), target: persist ? { kind: 'example', example } : { kind: 'none' }, name: example.title, origin: 'example' };
}

/**
 * Owns the open workspace: loads it from IndexedDB, autosaves edits (debounced, and when
 * the page is hidden) and switches between examples, saved, shared and imported
 * workspaces. With `persist` false (embedded views) nothing is ever read or written.
 */
export function useWorkspace(initial: OpenRequest, persist: boolean): WorkspaceState {
  const [session, setSessionState] = useState<Session>(() =>
    initial.kind === 'workspace'
      ? { example: exampleFor(initial.workspace), workspace: initial.workspace, target: persist ? { kind: 'new', name: initial.name } : { kind: 'none' }, name: initial.name, origin: initial.origin }
      : exampleSession(initial.kind === 'example' ? initial.id : initial.fallbackExampleId, persist),
  );
  const current = useRef(session);
  const setSession = useCallback((next: Session) => {
    current.current = next;
    setSessionState(next);
  }, []);
  const [saveError, setSaveError] = useState<WorkspaceStoreError>();
  const [loadError, setLoadError] = useState<string>();
  const edited = useRef(false);
  const openToken = useRef(0);
  const [opened, setOpened] = useState(0);

  const autosave = useMemo(
    () =>
      createAutosave({
        store: getAppStore,
        onError: setSaveError,
        after: persist ? rescueUnsavedEdits() : undefined,
        onSaved: forgetUnsavedEdits,
        // The shared/imported copy now has its own record: keep editing that record.
        onCreated: (target, record) => {
          const s = current.current;
          if (s.target === target) setSession({ ...s, target: { kind: 'record', id: record.id, name: record.name } });
        },
      }),
    [setSession, persist],
  );

  const openSession = useCallback(
    async (req: OpenRequest, counted: boolean) => {
      const token = ++openToken.current;
      await autosave.flush(); // the previous workspace's last edits land first
      if (token !== openToken.current) return;
      edited.current = false;
      if (counted) setOpened((n) => n + 1);
      setLoadError(undefined);
      if (req.kind === 'workspace') {
        setSession({ example: exampleFor(req.workspace), workspace: req.workspace, target: persist ? { kind: 'new', name: req.name } : { kind: 'none' }, name: req.name, origin: req.origin });
        return;
      }
      const base = exampleSession(req.kind === 'example' ? req.id : req.fallbackExampleId, persist);
      setSession(base);
      if (!persist) return;
      const recordId = req.kind === 'record' ? req.id : exampleRecordId(base.example.id);
      try {
        const record = await (await getAppStore()).load(recordId);
        // An edit made before the saved copy arrived wins; don't clobber typing.
        if (token !== openToken.current || edited.current || !record) return;
        const example = exampleFor(record.workspace);
        if (req.kind === 'record') setSession({ example, workspace: record.workspace, target: { kind: 'record', id: record.id, name: record.name }, name: record.name, origin: 'saved' });
        else setSession({ ...base, workspace: record.workspace });
      } catch (e) {
        if (token !== openToken.current) return;
        // Damaged or from a newer version: keep that record untouched, save edits elsewhere.
        setLoadError(`${describe(e)} The example's original was opened instead; your edits will be saved as a separate workspace.`);
        setSession({ ...base, target: { kind: 'new', name: `${base.example.title} (recovered)` } });
      }
    },
    [autosave, persist, setSession],
  );
  const open = useCallback((req: OpenRequest) => openSession(req, true), [openSession]);

  useEffect(() => {
    if (initial.kind !== 'workspace') void openSession(initial, false);
    // Only the first request is opened here (a workspace in hand needs no loading); later ones come through open().
  }, []);

  useEffect(() => {
    // The write below may not finish before the page is gone (a reload right after
    // typing): a copy is kept synchronously for the tab's next load.
    const flush = () => {
      autosave.keepPending(keepUnsavedEdits);
      void autosave.flush();
    };
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [autosave]);

  const change = useCallback(
    (workspace: Workspace) => {
      edited.current = true;
      const next = { ...current.current, workspace };
      setSession(next);
      autosave.schedule(workspace, next.target);
    },
    [autosave, setSession],
  );

  const updateGuest = useCallback<WorkspaceState['updateGuest']>(
    (index, patch) => {
      const ws = current.current.workspace;
      change({ ...ws, guests: ws.guests.map((g, i) => (i === index ? { ...g, ...patch } : g)) });
    },
    [change],
  );
  const setHosts = useCallback((hosts: WorkspaceHosts) => change({ ...current.current.workspace, hosts }), [change]);
  const reset = useCallback(() => {
    change(workspaceFromExample(current.current.example));
    void autosave.flush();
  }, [autosave, change]);

  const saveAs = useCallback(
    async (name: string) => {
      await autosave.flush();
      const s = current.current;
      const record = await (await getAppStore()).save(s.workspace, { name });
      if (current.current === s) setSession({ ...s, target: { kind: 'record', id: record.id, name: record.name }, name: record.name, origin: 'saved' });
    },
    [autosave, setSession],
  );

  const { target } = session;
  return {
    example: session.example,
    workspace: session.workspace,
    guests: session.workspace.guests,
    name: session.name,
    origin: session.origin,
    recordId: target.kind === 'record' ? target.id : target.kind === 'example' ? exampleRecordId(target.example.id) : undefined,
    saveError,
    loadError,
    updateGuest,
    setHosts,
    reset,
    open,
    opened,
    saveAs,
  };
}
