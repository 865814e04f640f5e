import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { examples } from '../examples/index';
import { createWorkspaceStore } from './workspaceStore';
import { WorkspaceStoreError } from './workspaceStoreError';
import { workspaceFromExample, type Workspace } from './workspaceTypes';

let dbCount = 0;
const freshStore = () => createWorkspaceStore({ dbName: `wcp-workspaces-test-${++dbCount}` });
const edited = (text: string): Workspace => {
  const ws = workspaceFromExample(examples[0]);
  ws.guests[0].source += text;
  return ws;
};

async function rejection(p: Promise<unknown>): Promise<WorkspaceStoreError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkspaceStoreError);
  return e as WorkspaceStoreError;
}

afterEach(() => vi.restoreAllMocks());

describe('workspace store', () => {
  it('saves, loads, lists newest first, updates in place and deletes', async () => {
    const store = freshStore();
    const a = await store.save(edited(';; a'), { name: 'A', updatedAt: 1000 });
    const b = await store.save(edited(';; b'), { name: 'B', updatedAt: 2000 });
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ schema: 1, name: 'A', updatedAt: 1000 });
    expect((await store.load(a.id))?.workspace).toEqual(edited(';; a'));
    expect((await store.list()).map((s) => s.name)).toEqual(['B', 'A']);

    await store.save(edited(';; a2'), { id: a.id, name: 'A renamed', updatedAt: 3000 });
    const list = await store.list();
    expect(list).toEqual([
      { id: a.id, name: 'A renamed', updatedAt: 3000, exampleId: examples[0].id, guestCount: 1 },
      { id: b.id, name: 'B', updatedAt: 2000, exampleId: examples[0].id, guestCount: 1 },
    ]);
    expect((await store.load(a.id))?.workspace.guests[0].source.endsWith(';; a2')).toBe(true);

    await store.delete(a.id);
    expect(await store.load(a.id)).toBeUndefined();
    expect((await store.list()).map((s) => s.id)).toEqual([b.id]);
  });

  it('returns copies: editing a loaded or saved workspace does not change the store', async () => {
    const store = freshStore();
    const ws = edited('x');
    const rec = await store.save(ws, { name: 'n' });
    ws.guests[0].source = 'mutated';
    expect((await store.load(rec.id))?.workspace.guests[0].source).not.toBe('mutated');
  });

  it('rejects invalid workspaces without writing', async () => {
    const store = freshStore();
    const bad = { ...edited('x'), settings: { timeLimitMs: 0 } };
    expect((await rejection(store.save(bad, { name: 'bad' }))).message).toMatch(/Not saved: workspace.settings.timeLimitMs must be a positive number/);
    expect(await store.list()).toEqual([]);
  });

  it('keeps the previous record when put throws QuotaExceededError', async () => {
    const store = freshStore();
    const first = await store.save(edited(';; v1'), { id: 'w', name: 'W' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await rejection(store.save(edited(';; v2'), { id: 'w', name: 'W' }));
    expect(err.kind).toBe('quota');
    expect(err.message).toMatch(/^Browser storage is full: could not save "W"; your previous save is kept/);
    vi.restoreAllMocks();
    expect(await store.load('w')).toEqual(first);
  });

  it('keeps the previous record when the transaction aborts with QuotaExceededError', async () => {
    const store = freshStore();
    const first = await store.save(edited(';; v1'), { id: 'w', name: 'W' });
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const req = realPut.apply(this, args);
      // What a browser does when the commit hits the quota: abort with the quota error.
      Object.defineProperty(this.transaction, 'error', { value: new DOMException('quota', 'QuotaExceededError') });
      this.transaction.abort();
      return req;
    });
    expect((await rejection(store.save(edited(';; v2'), { id: 'w', name: 'W' }))).kind).toBe('quota');
    vi.restoreAllMocks();
    expect(await store.load('w')).toEqual(first);
  });

  it('skips damaged records in the list and reports them on load', async () => {
    const store = freshStore();
    const ok = await store.save(edited('ok'), { name: 'ok' });
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(`wcp-workspaces-test-${dbCount}`, 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('workspaces', 'readwrite');
        tx.objectStore('workspaces').put({ schema: 1, id: 'broken', name: 'x', updatedAt: 1, workspace: { guests: 'nope' } });
        tx.objectStore('workspaces').put({ schema: 7, id: 'future', name: 'y', updatedAt: 1, workspace: {} });
        tx.oncomplete = () => (req.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    expect((await store.list()).map((s) => s.id)).toEqual([ok.id]);
    const broken = await rejection(store.load('broken'));
    expect([broken.kind, broken.message]).toEqual(['corrupt', 'A saved workspace is damaged: record.workspace.guests must be an array.']);
    expect((await rejection(store.load('future'))).kind).toBe('newer');
  });

  it('rejects with a clear error when IndexedDB is missing', async () => {
    const store = createWorkspaceStore({ factory: null as unknown as IDBFactory });
    vi.stubGlobal('indexedDB', undefined);
    try {
      expect((await rejection(store.list())).message).toMatch(/IndexedDB\) is not available/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
