import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { forgetKvDatabase, getEntry, kvDatabaseName, openKvDatabase, putEntries } from './index';
import { upgradeKvDatabase } from './openKvDatabase';

describe('openKvDatabase', () => {
  it('opens one connection per namespace and reuses it', async () => {
    const namespace = `test-${crypto.randomUUID()}`;
    const [a, b] = await Promise.all([openKvDatabase(namespace), openKvDatabase(namespace)]);
    expect(a).toBe(b);
    expect(a.name).toBe(`${namespace}-kv`);
  });

  it('steps aside when another tab deletes the database, then reopens on the next call', async () => {
    const namespace = `test-${crypto.randomUUID()}`;
    await putEntries(namespace, 'b', [['k', new Uint8Array([7])]]);
    // deleteDatabase fires versionchange on our open connection; it would be blocked
    // forever if the connection did not close itself.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(kvDatabaseName(namespace));
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('delete was blocked'));
    });
    expect(await getEntry(namespace, 'b', 'k')).toBeUndefined();
    await putEntries(namespace, 'b', [['k', new Uint8Array([8])]]);
    expect(await getEntry(namespace, 'b', 'k')).toEqual(new Uint8Array([8]));
  });

  it('opens a database at whatever version registrations raised it to, and adds the watcher store to one made before it', async () => {
    const raised = `test-${crypto.randomUUID()}`;
    await putEntries(raised, 'b', [['k', new Uint8Array([1])]]);
    for (let i = 0; i < 3; i++) await upgradeKvDatabase(raised, () => undefined);
    forgetKvDatabase(raised);
    expect((await openKvDatabase(raised)).version).toBeGreaterThanOrEqual(4);
    expect(await getEntry(raised, 'b', 'k')).toEqual(new Uint8Array([1]));

    // Version 1 of an early build: the entries store only.
    const early = `test-${crypto.randomUUID()}`;
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(kvDatabaseName(early), 1);
      request.onupgradeneeded = () => request.result.createObjectStore('entries').put(new Uint8Array([9]), ['b', 'k']);
      request.onsuccess = () => (request.result.close(), resolve());
    });
    const db = await openKvDatabase(early);
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'watchers']);
    expect(await getEntry(early, 'b', 'k')).toEqual(new Uint8Array([9]));
  });

  it('retries an upgrade another one overtook (VersionError) from the version that one left', async () => {
    const namespace = `test-${crypto.randomUUID()}`;
    await putEntries(namespace, 'b', [['k', new Uint8Array([1])]]);
    for (let i = 0; i < 2; i++) await upgradeKvDatabase(namespace, () => undefined);
    const before = (await openKvDatabase(namespace)).version;
    // The first versioned open asks for a version already passed, as when a registration in
    // another tab raised the database between our read of its version and our request.
    const open = indexedDB.open.bind(indexedDB);
    let overtaken = false;
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation((name: string, version?: number) => {
      if (version === undefined || overtaken) return version === undefined ? open(name) : open(name, version);
      overtaken = true;
      return open(name, version - 2);
    });
    const write = vi.fn();
    try {
      await upgradeKvDatabase(namespace, write);
    } finally {
      spy.mockRestore();
    }
    expect(overtaken).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
    forgetKvDatabase(namespace);
    expect((await openKvDatabase(namespace)).version).toBe(before + 1);
  });

  it('gives up on an upgrade another connection blocks, and does not make it behind the caller\'s back later', async () => {
    const namespace = `test-${crypto.randomUUID()}`;
    await putEntries(namespace, 'b', [['k', new Uint8Array([1])]]);
    const before = (await openKvDatabase(namespace)).version;
    // A connection that ignores versionchange (a tab of some other code).
    const rogue = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(kvDatabaseName(namespace));
      request.onsuccess = () => resolve(request.result);
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const write = vi.fn();
      const upgrade = upgradeKvDatabase(namespace, write);
      const outcome = upgrade.then(() => 'upgraded', (e: unknown) => String(e));
      // Let the open request reach "blocked" (fake-indexeddb schedules with setImmediate).
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      vi.advanceTimersByTime(10_000);
      expect(await outcome).toMatch(/blocked by another open tab/);
      rogue.close();
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      expect(write).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
    expect((await openKvDatabase(namespace)).version).toBe(before);
    expect(await getEntry(namespace, 'b', 'k')).toEqual(new Uint8Array([1]));
  });

  it('says that storage is blocked in this embed when the browser refuses IndexedDB', async () => {
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('access to the Indexed Database API is denied in this context.', 'SecurityError');
    });
    try {
      await expect(openKvDatabase(`test-${crypto.randomUUID()}`)).rejects.toMatchObject({ payload: { tag: 'other', val: expect.stringMatching(/^storage is blocked in this embed/) } });
    } finally {
      spy.mockRestore();
    }
  });
});
