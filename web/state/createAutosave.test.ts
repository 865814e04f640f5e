import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorkspaceStore, WorkspaceStoreError, workspaceFromExample, type Workspace, type WorkspaceRecord, type WorkspaceStore } from '../../src/index';
import { appExamples, exampleRecordId, isPristine } from './appWorkspaces';
import { createAutosave, type SaveTarget } from './createAutosave';
import { scratchExample } from './scratchExample';

let n = 0;
const freshStore = () => createWorkspaceStore({ dbName: `autosave-test-${n++}`, examples: appExamples });
const edited = (source: string): Workspace => {
  const ws = workspaceFromExample(scratchExample);
  ws.guests[0].source = source;
  return ws;
};

/** A store that counts writes and can be told to fail them like a full disk. */
function instrumented(inner: WorkspaceStore) {
  const state = { saves: 0, full: false };
  const store: WorkspaceStore = {
    ...inner,
    async save(ws, options) {
      state.saves++;
      if (state.full) throw new WorkspaceStoreError('quota', 'Browser storage is full');
      return inner.save(ws, options);
    },
  };
  return { store, state };
}

describe('createAutosave', () => {
  it('debounces edits into one write to the example record and deletes it when edits are undone', async () => {
    const { store, state } = instrumented(freshStore());
    const saver = createAutosave({ store: async () => store, delayMs: 20 });
    const target: SaveTarget = { kind: 'example', example: scratchExample };
    saver.schedule(edited('a'), target);
    saver.schedule(edited('ab'), target);
    await new Promise((r) => setTimeout(r, 60));
    await saver.flush();
    expect(state.saves).toBe(1);
    expect((await store.load(exampleRecordId('scratch')))?.workspace.guests[0].source).toBe('ab');

    saver.schedule(workspaceFromExample(scratchExample), target);
    await saver.flush();
    expect(await store.load(exampleRecordId('scratch'))).toBeUndefined();
  });

  it('gives a workspace opened from a link its own record on the first save, then keeps using it', async () => {
    const store = freshStore();
    const created: WorkspaceRecord[] = [];
    const saver = createAutosave({ store: async () => store, onCreated: (_t, r) => created.push(r) });
    // The user's own edits of the example exist and must survive.
    await store.save(edited('mine'), { id: exampleRecordId('scratch'), name: 'Scratch' });
    const target: SaveTarget = { kind: 'new', name: 'Shared: Scratch' };
    saver.schedule(edited('shared 1'), target);
    await saver.flush();
    saver.schedule(edited('shared 2'), target);
    await saver.flush();
    expect(created).toHaveLength(1);
    expect((await store.load(created[0].id))?.workspace.guests[0].source).toBe('shared 2');
    expect((await store.load(exampleRecordId('scratch')))?.workspace.guests[0].source).toBe('mine');
    expect((await store.list()).map((s) => s.name).sort()).toEqual(['Scratch', 'Shared: Scratch']);
  });

  it('reports a full disk, keeps the previous save, and clears the error once saving works again', async () => {
    const { store, state } = instrumented(freshStore());
    const errors: (WorkspaceStoreError | undefined)[] = [];
    const saver = createAutosave({ store: async () => store, onError: (e) => errors.push(e) });
    const target: SaveTarget = { kind: 'record', id: 'w1', name: 'Mine' };
    saver.schedule(edited('v1'), target);
    await saver.flush();
    state.full = true;
    saver.schedule(edited('v2'), target);
    await saver.flush();
    expect(errors.at(-1)?.kind).toBe('quota');
    expect((await store.load('w1'))?.workspace.guests[0].source).toBe('v1');
    state.full = false;
    saver.schedule(edited('v3'), target);
    await saver.flush();
    expect(errors.at(-1)).toBeUndefined();
    expect((await store.load('w1'))?.workspace.guests[0].source).toBe('v3');
  });

  it('never writes for embedded views and drops a cancelled save', async () => {
    const { store, state } = instrumented(freshStore());
    const saver = createAutosave({ store: async () => store });
    saver.schedule(edited('x'), { kind: 'none' });
    await saver.flush();
    saver.schedule(edited('y'), { kind: 'record', id: 'r', name: 'R' });
    saver.cancel();
    await saver.flush();
    expect(state.saves).toBe(0);
  });
});

describe('isPristine', () => {
  it('is true only for an unchanged example workspace', () => {
    expect(isPristine(workspaceFromExample(scratchExample), scratchExample)).toBe(true);
    expect(isPristine(edited('changed'), scratchExample)).toBe(false);
    const faulty = workspaceFromExample(scratchExample);
    faulty.hosts.faults = { drop: 0.5 };
    expect(isPristine(faulty, scratchExample)).toBe(false);
  });
});
