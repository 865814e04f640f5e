import type { Example } from '../examples/exampleTypes';
import { examples as builtInExamples } from '../examples/index';
import { checkWorkspace, ShapeError } from './checkWorkspace';
import { migrateRecord, RECORD_SCHEMA, type WorkspaceRecord } from './migrateRecord';
import { WorkspaceStoreError } from './workspaceStoreError';
import type { Workspace } from './workspaceTypes';
import { randomUuid } from '../platform/randomUuid';

/** Database name; the record schema is versioned inside each record, not by the DB version. */
export const WORKSPACE_DB = 'wcp-workspaces';
const STORE = 'workspaces';

/** One row of the workspace list (no sources, so listing stays cheap to render). */
export interface WorkspaceSummary {
  id: string;
  name: string;
  updatedAt: number;
  exampleId?: string;
  guestCount: number;
}

/** Saved workspaces in IndexedDB. Every method rejects only with WorkspaceStoreError. */
export interface WorkspaceStore {
  /** Newest first; damaged records are skipped so one bad record can't hide the rest. */
  list(): Promise<WorkspaceSummary[]>;
  /** The record migrated to the current schema; undefined when there is no such id. */
  load(id: string): Promise<WorkspaceRecord | undefined>;
  /**
   * Writes one record in one transaction: on failure the previous save stays intact.
   * Without `id` a new workspace is created; `updatedAt` defaults to now (imports keep theirs).
   */
  save(ws: Workspace, options: SaveOptions): Promise<WorkspaceRecord>;
  delete(id: string): Promise<void>;
}

/** Options of {@link WorkspaceStore.save}. */
export interface SaveOptions {
  id?: string;
  name: string;
  updatedAt?: number;
}

export interface WorkspaceStoreOptions {
  dbName?: string;
  /** Bases for migrating old records (the UI adds its scratch example). */
  examples?: readonly Example[];
  factory?: IDBFactory;
}

const describe = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.message || e.name : String(e));

function storeError(e: unknown, what: string, name?: string): WorkspaceStoreError {
  if (e instanceof WorkspaceStoreError) return e;
  if ((e as { name?: unknown } | null)?.name === 'QuotaExceededError') {
    return new WorkspaceStoreError('quota', `Browser storage is full: could not save ${name ? `"${name}"` : 'the workspace'}; your previous save is kept. Delete or export old workspaces to free space.`, { cause: e });
  }
  return new WorkspaceStoreError('unavailable', `Could not ${what}: browser storage failed (${describe(e)}).`, { cause: e });
}

/** Runs `body` in one transaction and resolves with its result once the transaction commits. */
function run<T>(db: IDBDatabase, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let result: T | undefined;
    tx.oncomplete = () => resolve(result);
    // A failed request aborts the transaction; abort carries the real cause (e.g. QuotaExceededError).
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    try {
      const req = body(tx.objectStore(STORE));
      if (req) req.onsuccess = () => (result = req.result);
    } catch (e) {
      // put() throws synchronously for e.g. DataCloneError; nothing was written.
      try {
        tx.abort();
      } catch {
        // Already finished: nothing to undo.
      }
      reject(e);
    }
  });
}

/** Opens (creating on first use) the workspace database and returns the store API. */
export function createWorkspaceStore(options: WorkspaceStoreOptions = {}): WorkspaceStore {
  const { dbName = WORKSPACE_DB, examples = builtInExamples } = options;
  let opening: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.factory ?? globalThis.indexedDB;
      if (!factory) return reject(new WorkspaceStoreError('unavailable', 'Browser storage (IndexedDB) is not available here, so workspaces cannot be saved.'));
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => {
        const db = req.result;
        // Let a newer tab upgrade the DB: close, and reopen lazily on next use.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
    }));

  return {
    async list() {
      try {
        const rows = (await run<unknown[]>(await open(), 'readonly', (s) => s.getAll())) ?? [];
        const out: WorkspaceSummary[] = [];
        for (const raw of rows) {
          let rec: WorkspaceRecord;
          try {
            rec = migrateRecord(raw, examples);
          } catch {
            continue;
          }
          const { id, name, updatedAt, workspace } = rec;
          out.push({ id, name, updatedAt, guestCount: workspace.guests.length, ...(workspace.exampleId !== undefined ? { exampleId: workspace.exampleId } : {}) });
        }
        return out.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
      } catch (e) {
        throw storeError(e, 'list saved workspaces');
      }
    },
    async load(id) {
      try {
        const raw = await run<unknown>(await open(), 'readonly', (s) => s.get(id));
        return raw === undefined ? undefined : migrateRecord(raw, examples);
      } catch (e) {
        throw storeError(e, `load workspace "${id}"`);
      }
    },
    async save(ws, { id, name, updatedAt = Date.now() }) {
      let record: WorkspaceRecord;
      try {
        if (typeof name !== 'string' || (id !== undefined && (typeof id !== 'string' || !id))) throw new ShapeError('name must be a string and id a non-empty string');
        if (!Number.isFinite(updatedAt)) throw new ShapeError('updatedAt must be a number');
        record = { schema: RECORD_SCHEMA, id: id ?? randomUuid(), name, updatedAt, workspace: checkWorkspace(ws) };
      } catch (e) {
        throw new WorkspaceStoreError('invalid', `Not saved: ${describe(e)}.`, { cause: e });
      }
      try {
        await run(await open(), 'readwrite', (s) => s.put(record));
        return record;
      } catch (e) {
        throw storeError(e, `save "${name}"`, name);
      }
    },
    async delete(id) {
      try {
        await run(await open(), 'readwrite', (s) => s.delete(id));
      } catch (e) {
        throw storeError(e, `delete workspace "${id}"`);
      }
    },
  };
}

let defaultStore: WorkspaceStore | undefined;
/** The app's store (`wcp-workspaces`, built-in examples), created on first use. */
export const getWorkspaceStore = (): WorkspaceStore => (defaultStore ??= createWorkspaceStore());

export const listWorkspaces = () => getWorkspaceStore().list();
export const loadWorkspace = (id: string) => getWorkspaceStore().load(id);
export const saveWorkspace = (ws: Workspace, options: SaveOptions) => getWorkspaceStore().save(ws, options);
export const deleteWorkspace = (id: string) => getWorkspaceStore().delete(id);
