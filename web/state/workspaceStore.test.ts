import { describe, expect, it } from 'vitest';
import type { ExampleGuest } from '../../src/index';
import { applyWorkspace, createLocalWorkspaceStore } from './workspaceStore';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

const guests: ExampleGuest[] = [
  { name: 'a', lang: 'wat', wit: 'wit a', source: 'src a', call: 'run' },
  { name: 'b', lang: 'js', wit: 'wit b', source: 'src b', subscriptions: ['x.*'] },
];

describe('local workspace store', () => {
  it('saves, loads and removes a workspace per example', async () => {
    const store = createLocalWorkspaceStore(memoryStorage());
    await store.save({ exampleId: 'ex', guests: [{ name: 'a', wit: 'W', source: 'S' }], savedAt: 5 });
    expect(await store.load('ex')).toEqual({ exampleId: 'ex', guests: [{ name: 'a', wit: 'W', source: 'S' }], savedAt: 5 });
    expect(await store.load('other')).toBeUndefined();
    await store.remove('ex');
    expect(await store.load('ex')).toBeUndefined();
  });

  it('treats corrupt or wrongly shaped data as absent', async () => {
    const storage = memoryStorage();
    const store = createLocalWorkspaceStore(storage);
    storage.setItem('wcp:workspace:v1:bad', '{oops');
    storage.setItem('wcp:workspace:v1:shape', JSON.stringify({ guests: [{ name: 1 }] }));
    expect(await store.load('bad')).toBeUndefined();
    expect(await store.load('shape')).toBeUndefined();
  });

  it('applies saved sources by guest name, ignoring unknown guests', () => {
    const out = applyWorkspace(guests, { exampleId: 'ex', savedAt: 0, guests: [{ name: 'b', wit: 'W2', source: 'S2' }, { name: 'zzz', wit: '', source: '' }] });
    expect(out.map((g) => [g.name, g.wit, g.source])).toEqual([['a', 'wit a', 'src a'], ['b', 'W2', 'S2']]);
    expect(out[1].subscriptions).toEqual(['x.*']);
    expect(applyWorkspace(guests, undefined)).toBe(guests);
  });
});
