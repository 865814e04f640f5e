import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearEngineCache, readEngineCache, writeEngineCache } from './engineCache';

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

/** A user database next to the cache, to show that nothing the cache does touches it. */
async function userDbValue(): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((ok) => {
    const r = indexedDB.open('wcp-user-data', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('kv').put('saved work', 'k');
    r.onsuccess = () => ok(r.result);
  });
  const value = await new Promise((ok) => {
    const g = db.transaction('kv').objectStore('kv').get('k');
    g.onsuccess = () => ok(g.result);
  });
  db.close();
  return value;
}

describe('engineCache (IndexedDB, works on http origins)', () => {
  beforeEach(() => clearEngineCache());
  afterEach(() => vi.unstubAllGlobals());

  it('reads back what was written by the same toolchain, and misses for another toolchain', async () => {
    expect(await readEngineCache('splice:a', 'tc1', isBytes)).toBeUndefined();
    expect(await writeEngineCache('splice:a', 'tc1', bytes(1000, 7), 1000)).toBe(true);
    expect(await readEngineCache('splice:a', 'tc1', isBytes)).toEqual(bytes(1000, 7));
    expect(await readEngineCache('splice:a', 'tc2', isBytes)).toBeUndefined();
    // The other toolchain's read deleted the stale entry.
    await new Promise((r) => setTimeout(r, 10));
    expect(await readEngineCache('splice:a', 'tc1', isBytes)).toBeUndefined();
  });

  it('treats a value of the wrong shape as a miss', async () => {
    await writeEngineCache('build:x', 'tc1', { not: 'bytes' }, 10);
    expect(await readEngineCache('build:x', 'tc1', isBytes)).toBeUndefined();
  });

  it('keeps only the most recent entries of the current toolchain', async () => {
    await writeEngineCache('old-toolchain', 'tc0', bytes(10), 10);
    for (let i = 0; i < 8; i++) await writeEngineCache(`k${i}`, 'tc1', bytes(10, i), 10);
    const present = [];
    for (let i = 0; i < 8; i++) if (await readEngineCache(`k${i}`, 'tc1', isBytes)) present.push(i);
    expect(present).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await readEngineCache('old-toolchain', 'tc0', isBytes)).toBeUndefined();
  });

  it('skips a write that would crowd the origin quota (room is left for user data)', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 300e6, usage: 250e6 }) } });
    expect(await writeEngineCache('big', 'tc1', bytes(100), 20e6)).toBe(false);
    expect(await readEngineCache('big', 'tc1', isBytes)).toBeUndefined();
  });

  it('a failing write loses only the cache: it resolves false, clears the cache, and user data stays', async () => {
    expect(await userDbValue()).toBe('saved work');
    await writeEngineCache('kept', 'tc1', bytes(10), 10);
    // A function cannot be stored (DataCloneError), standing in for a QuotaExceededError.
    expect(await writeEngineCache('bad', 'tc1', { f: () => 1 }, 10)).toBe(false);
    expect(await readEngineCache('kept', 'tc1', isBytes)).toBeUndefined();
    expect(await userDbValue()).toBe('saved work');
  });
});
