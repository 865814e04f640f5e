import { describe, expect, it } from 'vitest';
import type { WorkspaceGuest } from '../../src/index';
import { describeHostCode } from './describeHostCode';
import { createTrustStore, TRUST_KEY } from './trustStore';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

const guest = (wit: string): WorkspaceGuest => ({ name: 'g', lang: 'wat', wit, source: '', subscriptions: [] });

describe('host code trust', () => {
  it('names what host code replaces or serves, from the guests\' WIT imports', () => {
    const wit = 'world w {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  import wasi:keyvalue/atomics@0.2.0-draft2;\n  import proposal:kv-ttl/ttl@0.1.0;\n}';
    const items = describeHostCode({ 'wasi:keyvalue@0.2.0-draft2': 'evil', 'proposal:kv-ttl@0.1.0': 'mine' }, [guest(wit)], undefined);
    expect(items).toEqual([
      { id: 'wasi:keyvalue@0.2.0-draft2', source: 'evil', replaces: true, interfaces: ['atomics', 'store'] },
      { id: 'proposal:kv-ttl@0.1.0', source: 'mine', replaces: false, interfaces: ['ttl'] },
    ]);
  });

  it("an example's own host code is part of the app, not outside code", () => {
    const example = { customHosts: { 'proposal:kv-ttl@0.1.0': 'shipped' } } as never;
    expect(describeHostCode({ 'proposal:kv-ttl@0.1.0': 'shipped' }, [], example)).toEqual([]);
    // A changed copy asks, and carries the shipped code so the prompt can show what changed.
    expect(describeHostCode({ 'proposal:kv-ttl@0.1.0': 'changed' }, [], example)).toEqual([{ id: 'proposal:kv-ttl@0.1.0', source: 'changed', replaces: false, interfaces: [], unused: true, shipped: 'shipped' }]);
    expect(describeHostCode({ 'p:other@1.0.0': 'x' }, [], example)[0].shipped).toBeUndefined();
  });

  it('trusts exactly the accepted or typed source, persists it, and a typed edit outranks an acceptance', () => {
    const storage = new MemoryStorage();
    const store = createTrustStore(storage);
    store.add({ id: 'p:a@1.0.0', source: 'x', how: 'accepted' });
    expect(store.find('p:a@1.0.0', 'x')?.how).toBe('accepted');
    expect(store.find('p:a@1.0.0', 'x ')).toBeUndefined();
    store.add({ id: 'p:a@1.0.0', source: 'x', how: 'typed' });
    store.add({ id: 'p:a@1.0.0', source: 'x', how: 'accepted' });
    expect(createTrustStore(storage).find('p:a@1.0.0', 'x')?.how).toBe('typed');
    // Memory-only (embedded views) neither reads nor writes the browser's decisions.
    expect(createTrustStore(null).find('p:a@1.0.0', 'x')).toBeUndefined();
    storage.setItem(TRUST_KEY, '{"version":1,"entries":[{"id":1}]}');
    expect(createTrustStore(storage).find('p:a@1.0.0', 'x')).toBeUndefined();
  });

  it('stores a digest, not the source: a megabyte accepted costs 64 characters of localStorage', () => {
    const storage = new MemoryStorage();
    const big = 'const x = 1;\n'.repeat(100_000);
    createTrustStore(storage).add({ id: 'p:big@1.0.0', source: big, how: 'accepted' });
    expect(storage.getItem(TRUST_KEY)!.length).toBeLessThan(200);
    expect(createTrustStore(storage).find('p:big@1.0.0', big)?.how).toBe('accepted');
    expect(createTrustStore(storage).find('p:big@1.0.0', big + ' ')).toBeUndefined();
  });

  it('reads decisions saved by the version that stored whole sources', () => {
    const storage = new MemoryStorage();
    storage.setItem(TRUST_KEY, JSON.stringify({ version: 1, entries: [{ id: 'p:a@1.0.0', source: 'old code', how: 'typed' }, { id: 'p:b@1.0.0', source: 'other', how: 'accepted' }] }));
    const store = createTrustStore(storage);
    expect(store.find('p:a@1.0.0', 'old code')?.how).toBe('typed');
    expect(store.find('p:b@1.0.0', 'other')?.how).toBe('accepted');
    expect(store.find('p:b@1.0.0', 'old code')).toBeUndefined();
    store.add({ id: 'p:c@1.0.0', source: 'new', how: 'accepted' });
    const saved = JSON.parse(storage.getItem(TRUST_KEY)!) as { version: number; entries: { id: string; sha256: string }[] };
    expect(saved.version).toBe(2);
    expect(saved.entries.map((e) => e.id)).toEqual(['p:a@1.0.0', 'p:b@1.0.0', 'p:c@1.0.0']);
    expect(JSON.stringify(saved)).not.toContain('old code');
  });
});
