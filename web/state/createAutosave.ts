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
}

/** Debounced, ordered saving of the open workspace. */
export interface Autosave {
  /** Saves `ws` to `target` after the delay; a newer call replaces a pending one. */
  schedule(ws: Workspace, target: SaveTarget): void;
  /** Writes any pending save now; resolves when every queued write has finished. */
  flush(): Promise<void>;
  /** Drops a pending save (e.g. after Reset removed the record). */
  cancel(): void;
}

const asStoreError = (e: unknown) => (e instanceof WorkspaceStoreError ? e : new WorkspaceStoreError('unavailable', `Could not save: ${e instanceof Error ? e.message : String(e)}`));

export function createAutosave({ store, delayMs = 400, onCreated, onError }: AutosaveOptions): Autosave {
  let pending: { ws: Workspace; target: SaveTarget } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Writes run one after another so an older snapshot can never land after a newer one.
  let queue: Promise<void> = Promise.resolve();
  // A `new` target keeps the record its first save created, even before React re-renders with it.
  const created = new WeakMap<object, WorkspaceRecord>();

  async function write(ws: Workspace, target: SaveTarget): Promise<void> {
    if (target.kind === 'none') return;
    try {
      const s = await store();
      if (target.kind === 'example') {
        const id = exampleRecordId(target.example.id);
        if (isPristine(ws, target.example)) await s.delete(id);
        else await s.save(ws, { id, name: target.example.title });
      } else if (target.kind === 'record') {
        await s.save(ws, { id: target.id, name: target.name });
      } else {
        const known = created.get(target);
        const record = await s.save(ws, { id: known?.id, name: target.name });
        if (!known) {
          created.set(target, record);
          onCreated?.(target, record);
        }
      }
      onError?.(undefined);
    } catch (e) {
      onError?.(asStoreError(e));
    }
  }

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const job = pending;
    pending = undefined;
    if (job) queue = queue.then(() => write(job.ws, job.target));
    return queue;
  };

  return {
    schedule(ws, target) {
      pending = { ws, target };
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
