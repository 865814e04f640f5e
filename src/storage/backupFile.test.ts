import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ENGINE_CACHE_DB, writeEngineCache } from '../toolchain/js/engineCache';
import { exportEverything, importEverything, readBackup } from './backupFile';

const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));

async function seed(name: string, records: [IDBValidKey, unknown][]) {
  const open = indexedDB.open(name, 3);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('entries');
    open.result.createObjectStore('records', { keyPath: 'id' }).createIndex('by-name', 'name');
  };
  const db = await req(open);
  const tx = db.transaction(['entries', 'records'], 'readwrite');
  for (const [k, v] of records) tx.objectStore('entries').put(v, k);
  tx.objectStore('records').put({ id: 'w1', name: 'My work', updatedAt: new Date(5) });
  await new Promise((r) => (tx.oncomplete = r));
  db.close();
}

class MemoryStorage {
  map = new Map<string, string>();
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

describe('export everything and import it back', () => {
  it('leaves out the JS engine cache (derived wasm the browser rebuilds itself)', async () => {
    await writeEngineCache('splice:w', 'tc', new Uint8Array(64), 64);
    const backup = await exportEverything(indexedDB, new MemoryStorage());
    expect(backup.databases.map((d) => d.name)).not.toContain(ENGINE_CACHE_DB);
  });

  it('round-trips bytes, bigints, dates, keyPath stores and settings; never overwrites what is stored', async () => {
    const name = `wcp-test-${Math.random()}`;
    await seed(name, [['bytes', new Uint8Array([1, 2, 250])], [['a', 2], 12n]]);
    const local = new MemoryStorage();
    local.setItem('wcp:settings', '{"fontSize":14}');
    local.setItem('other-app', 'x');
    const backup = readBackup(JSON.stringify(await exportEverything(indexedDB, local)));
    const dump = backup.databases.find((d) => d.name === name)!;
    expect(dump.version).toBe(3);
    expect(Object.keys(backup.localStorage)).toEqual(['wcp:settings']);

    // Into an empty browser: everything comes back with its types and schema.
    await req(indexedDB.deleteDatabase(name));
    const fresh = new MemoryStorage();
    const first = await importEverything({ ...backup, databases: [dump] }, indexedDB, fresh);
    expect(first).toMatchObject({ added: 4, unchanged: 0, conflicts: [], skipped: [] });
    const db = await req(indexedDB.open(name));
    expect(db.version).toBe(3);
    expect(await req(db.transaction('entries').objectStore('entries').get('bytes'))).toEqual(new Uint8Array([1, 2, 250]));
    expect(await req(db.transaction('entries').objectStore('entries').get(['a', 2]))).toBe(12n);
    expect(await req(db.transaction('records').objectStore('records').index('by-name').get('My work'))).toMatchObject({ id: 'w1', updatedAt: new Date(5) });
    // The user changes something, then imports the old file again: their change stays.
    const tx = db.transaction('entries', 'readwrite');
    tx.objectStore('entries').put(new Uint8Array([9]), 'bytes');
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
    fresh.setItem('wcp:settings', '{"fontSize":20}');
    const again = await importEverything({ ...backup, databases: [dump] }, indexedDB, fresh);
    expect(again.added).toBe(0);
    expect(again.unchanged).toBe(2);
    expect(again.conflicts).toEqual([`${name}/entries/bytes`, 'localStorage/wcp:settings']);
    const db2 = await req(indexedDB.open(name));
    expect(await req(db2.transaction('entries').objectStore('entries').get('bytes'))).toEqual(new Uint8Array([9]));
    db2.close();
    expect(fresh.getItem('wcp:settings')).toBe('{"fontSize":20}');
  });

  it('never carries which host code this browser trusts, out or in', async () => {
    const local = new MemoryStorage();
    local.setItem('wcp:settings', '{}');
    local.setItem('wcp.trustedHostCode', '{"version":2,"entries":[{"id":"wasi:keyvalue","sha256":"ab","how":"accepted"}]}');
    const backup = await exportEverything(indexedDB, local);
    expect(Object.keys(backup.localStorage)).toEqual(['wcp:settings']);
    // A file made by an older build, or by hand, still carries it: a fresh browser skips it.
    const fresh = new MemoryStorage();
    const report = await importEverything({ ...backup, databases: [], localStorage: { ...backup.localStorage, 'wcp.trustedHostCode': local.getItem('wcp.trustedHostCode')! } }, indexedDB, fresh);
    expect(fresh.getItem('wcp.trustedHostCode')).toBeNull();
    expect(report.trustLeftOut).toBe(true);
  });

  it('never carries which lesson check scripts this browser allowed, out or in', async () => {
    const allowed = '{"version":2,"entries":[{"id":"lesson:teacher-answer","sha256":"cd","how":"accepted"}]}';
    const local = new MemoryStorage();
    local.setItem('wcp:settings', '{}');
    local.setItem('wcp.trustedLessonChecks', allowed);
    const backup = await exportEverything(indexedDB, local);
    expect(Object.keys(backup.localStorage)).toEqual(['wcp:settings']);
    const fresh = new MemoryStorage();
    const report = await importEverything({ ...backup, databases: [], localStorage: { ...backup.localStorage, 'wcp.trustedLessonChecks': allowed } }, indexedDB, fresh);
    expect(fresh.getItem('wcp.trustedLessonChecks')).toBeNull();
    expect(report.lessonChecksLeftOut).toBe(true);
    expect(report.trustLeftOut).toBeUndefined();
  });

  it('rejects files that are not backups with a reason', () => {
    expect(() => readBackup('{')).toThrow(/not valid JSON/);
    expect(() => readBackup('{"format":"wasi-cloud-playground","version":1}')).toThrow(/not a playground backup/);
    expect(() => readBackup('{"format":"wasi-cloud-playground-backup","version":9}')).toThrow(/version 9/);
  });
});
