import { WorkspaceStoreError, type Example, type Workspace, type WorkspaceRecord, type WorkspaceStore } from '../../src/index';
import { exampleRecordId, isPristine } from './appWorkspaces';

/**
 * Where the edits of the open workspace go.
 * - `example`: the example's own record; deleted again when the edits are undone, so later
 *   improvements to the example reach users who never changed it.
 * - `record`: a named workspace (saved-as, or a share/import after its first edit).
 * - `new`: not stored yet (opened from a link or file); the first save creates a record,
 *   so opening a link never overwrites anything the user had.
 * - `none`: never stored (embedded views).
 */
export type SaveTarget =
  | { kind: 'example'; example: Example }
  | { kind: 'record'; id: string; name: string }
  | { kind: 'new'; name: string }
  | { kind: 'none' };

export interface AutosaveOptions {
  store: () => Promise<WorkspaceStore>;
  delayMs?: number;
  /** A `new` target got its record (switch the session to it). */
  onCreated?(target: SaveTarget & { kind: 'new' }, record: WorkspaceRecord): void;
  /** The last save failed (the previous save is intact), or `undefined` once a save works again. */
  onError?(error: WorkspaceStoreError | undefined): void;
  /** Writes wait for this first (edits a previous load of the page left, unsavedEdits.ts). */
  after?: Promise<void>;
  /** A save of snapshot `seq` (or newer) has landed: kept copies up to it are stale. */
  onSaved?(seq: number): void;
}

/** Debounced, ordered saving of the open workspace. */
export interface Autosave {
  /** Saves `ws` to `target` after the delay; a newer call replaces a pending one. */
  schedule(ws: Workspace, target: SaveTarget): void;
  /** Writes any pending save now; resolves when every queued write has finished. */
  flush(): Promise<void>;
  /** Drops a pending save (e.g. after Reset removed the record). */
  cancel(): void;
  /** Hands a save not written yet to `keep`, synchronously (the page is going away). */
  keepPending(keep: (ws: Workspace, target: SaveTarget, seq: number) => void): void;
}

const asStoreError = (e: unknown) => (e instanceof WorkspaceStoreError ? e : new WorkspaceStoreError('unavailable', `Could not save: ${e instanceof Error ? e.message : String(e)}`));

export function createAutosave({ store, delayMs = 400, onCreated, onError, after, onSaved }: AutosaveOptions): Autosave {
  let pending: { ws: Workspace; target: SaveTarget; seq: number } | undefined;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Writes run one after another so an older snapshot can never land after a newer one.
  let queue: Promise<void> = after ?? Promise.resolve();
  // A `new` target keeps the record its first save created, even before React re-renders with it.
  const created = new WeakMap<object, WorkspaceRecord>();

  async function write(ws: Workspace, target: SaveTarget, at: number): Promise<void> {
    if (target.kind === 'none') return;
    try {
      const s = await store();
      const record = await writeWorkspace(s, ws, target, created.get(target)?.id);
      if (target.kind === 'new' && record && !created.has(target)) {
        created.set(target, record);
        onCreated?.(target, record);
      }
      onError?.(undefined);
      onSaved?.(at);
    } catch (e) {
      onError?.(asStoreError(e));
    }
  }

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const job = pending;
    pending = undefined;
    if (job) queue = queue.then(() => write(job.ws, job.target, job.seq));
    return queue;
  };

  return {
    schedule(ws, target) {
      pending = { ws, target, seq: ++seq };
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
    keepPending(keep) {
      if (pending) keep(pending.ws, pending.target, pending.seq);
    },
  };
}

/**
 * One save of `ws` where `target` says (see SaveTarget); resolves with the record written,
 * undefined when an example's pristine copy was removed instead. `newId` is the record a
 * `new` target already created.
 */
export async function writeWorkspace(s: WorkspaceStore, ws: Workspace, target: SaveTarget, newId?: string): Promise<WorkspaceRecord | undefined> {
  if (target.kind === 'none') return undefined;
  if (target.kind === 'example') {
    const id = exampleRecordId(target.example.id);
    if (isPristine(ws, target.example)) {
      await s.delete(id);
      return undefined;
    }
    return s.save(ws, { id, name: target.example.title });
  }
  if (target.kind === 'record') return s.save(ws, { id: target.id, name: target.name });
  return s.save(ws, { id: newId, name: target.name });
}
