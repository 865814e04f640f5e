import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Example } from '../examples/exampleTypes';
import { examples } from '../examples/index';
import { importLegacyWorkspaces, LEGACY_KEY_PREFIX } from './importLegacyWorkspaces';
import { migrateRecord } from './migrateRecord';
import { createWorkspaceStore } from './workspaceStore';
import { WorkspaceStoreError } from './workspaceStoreError';
import { workspaceFromExample } from './workspaceTypes';

const example = examples[0];
const guestName = example.guests[0].name;

/** Exactly what web/state/workspaceStore.ts wrote to localStorage (schema 0). */
const legacyValue = (source: string) => ({ exampleId: example.id, guests: [{ name: guestName, wit: example.guests[0].wit, source }], savedAt: 1_700_000_000_000 });

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  key = (i: number) => [...this.#items.keys()][i] ?? null;
  getItem = (k: string) => this.#items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.#items.set(k, v);
  removeItem = (k: string) => void this.#items.delete(k);
  clear = () => this.#items.clear();
}

let dbCount = 0;
const freshStore = () => createWorkspaceStore({ dbName: `wcp-migrate-test-${++dbCount}` });

describe('migrateRecord', () => {
  it('migrates a schema-0 localStorage value (object or JSON text) onto its example', () => {
    const expected = workspaceFromExample(example);
    expected.guests[0].source = ';; my edit\n';
    const want = { schema: 1, id: `legacy-${example.id}`, name: example.title, updatedAt: 1_700_000_000_000, workspace: expected };
    expect(migrateRecord(legacyValue(';; my edit\n'))).toEqual(want);
    expect(migrateRecord(JSON.stringify(legacyValue(';; my edit\n')))).toEqual(want);
  });

  it('keeps sources of a schema-0 value whose example no longer exists, guessing the language', () => {
    const rec = migrateRecord({ exampleId: 'gone', savedAt: 5, guests: [{ name: 'a', wit: 'w', source: '(module)' }, { name: 'b', wit: 'w', source: 'export function run() {}' }] }, [] as Example[]);
    expect(rec.workspace).toEqual({
      exampleId: 'gone',
      guests: [
        { name: 'a', lang: 'wat', wit: 'w', source: '(module)', subscriptions: [] },
        { name: 'b', lang: 'js', wit: 'w', source: 'export function run() {}', subscriptions: [] },
      ],
      hosts: { customHosts: {} },
      settings: { timeLimitMs: 5000 },
    });
  });

  it.each([
    [null, 'corrupt', /record must be an object/],
    ['{oops', 'corrupt', /damaged/],
    [{ exampleId: 'x', guests: [{ name: 'a', wit: 1, source: '' }], savedAt: 1 }, 'corrupt', /record.guests\[0\].wit must be a string/],
    [{ schema: 1, id: 'a', name: 'n', updatedAt: 1, workspace: {}, extra: true }, 'corrupt', /unknown field "extra"/],
    [{ schema: 2, id: 'a' }, 'newer', /newer version of the playground \(schema 2\)/],
    [{ schema: 'one' }, 'corrupt', /schema must be a whole number/],
  ])('rejects %j', (raw, kind, message) => {
    let err: unknown;
    try {
      migrateRecord(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkspaceStoreError);
    expect((err as WorkspaceStoreError).kind).toBe(kind);
    expect((err as WorkspaceStoreError).message).toMatch(message);
  });
});

describe('importLegacyWorkspaces', () => {
  it('moves old localStorage workspaces into IndexedDB once and leaves other keys alone', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY_PREFIX + example.id, JSON.stringify(legacyValue(';; kept\n')));
    storage.setItem(LEGACY_KEY_PREFIX + 'broken', '{not json');
    storage.setItem('wcp:settings', '{"v":1}');
    const store = freshStore();

    const result = await importLegacyWorkspaces(store, storage);
    expect(result.imported).toEqual([`legacy-${example.id}`]);
    expect(result.skipped.map((s) => s.key)).toEqual([LEGACY_KEY_PREFIX + 'broken']);
    const rec = await store.load(`legacy-${example.id}`);
    expect(rec?.workspace.guests[0].source).toBe(';; kept\n');
    expect(rec?.updatedAt).toBe(1_700_000_000_000);
    expect(storage.getItem(LEGACY_KEY_PREFIX + example.id)).toBeNull();
    expect(storage.getItem(LEGACY_KEY_PREFIX + 'broken')).toBe('{not json');
    expect(storage.getItem('wcp:settings')).toBe('{"v":1}');
  });

  it('does not overwrite a workspace saved since', async () => {
    const store = freshStore();
    const newer = workspaceFromExample(example);
    newer.guests[0].source = ';; newer\n';
    await store.save(newer, { id: `legacy-${example.id}`, name: 'mine' });
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY_PREFIX + example.id, JSON.stringify(legacyValue(';; older\n')));
    await importLegacyWorkspaces(store, storage);
    expect((await store.load(`legacy-${example.id}`))?.workspace.guests[0].source).toBe(';; newer\n');
    expect(storage.length).toBe(0);
  });
});
