import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, errorOf, freshBlobstore, text, writeObject } from './testHelpers';
import { IncomingValue } from './values';

afterEach(() => vi.restoreAllMocks());

describe('list-objects', () => {
  it('pages 250 names in key order with an honest end flag', async () => {
    const bs = await freshBlobstore();
    const c = await bs.createContainer('many');
    const other = await bs.createContainer('many2'); // a neighbouring container must not leak in
    await writeObject(other, 'zzz', text('x'));
    const names = Array.from({ length: 250 }, (_, i) => `obj-${String(i).padStart(3, '0')}`);
    for (const name of [...names].reverse()) await writeObject(c, name, text(name));

    const stream = await c.listObjects();
    const seen: string[] = [];
    const ends: boolean[] = [];
    for (;;) {
      const [page, end] = await stream.readStreamObjectNames(100n);
      seen.push(...page);
      ends.push(end);
      if (end) break;
    }
    expect(seen).toEqual(names);
    expect(ends).toEqual([false, false, true]);
    expect(await stream.readStreamObjectNames(10n)).toEqual([[], true]);
  });

  it('skips names and reports the end exactly at the last name', async () => {
    const c = await (await freshBlobstore()).createContainer('s');
    for (const name of ['a', 'b', 'c', 'd', 'e']) await writeObject(c, name, text(name));
    const stream = await c.listObjects();
    expect(await stream.skipStreamObjectNames(2n)).toEqual([2n, false]);
    expect(await stream.readStreamObjectNames(3n)).toEqual([['c', 'd', 'e'], true]);
    const again = await c.listObjects();
    expect(await again.skipStreamObjectNames(100n)).toEqual([5n, true]);
    const empty = await (await (await freshBlobstore()).createContainer('e')).listObjects();
    expect(await empty.readStreamObjectNames(10n)).toEqual([[], true]);
  });

  it('fails clearly when the container disappears mid-listing', async () => {
    const bs = await freshBlobstore();
    const c = await bs.createContainer('gone');
    await writeObject(c, 'a', text('a'));
    const stream = await c.listObjects();
    await bs.deleteContainer('gone');
    expect(await errorOf(() => stream.readStreamObjectNames(1n))).toBe('container "gone" does not exist');
  });
});

describe('storage failures', () => {
  it('a quota error on overwrite says "storage full" and keeps the old object', async () => {
    const c = await (await freshBlobstore()).createContainer('q');
    await writeObject(c, 'keep.txt', text('original'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const message = await errorOf(() => writeObject(c, 'keep.txt', text('replacement that does not fit')));
    expect(message).toMatch(/^storage full: /);
    expect(message).toContain('nothing already stored was changed');
    vi.restoreAllMocks();
    expect(decode(await IncomingValue.incomingValueConsumeSync(await c.getData('keep.txt', 0n, 99n)))).toBe('original');
  });

  it('a move that fails half-way is rolled back as a whole', async () => {
    const bs = await freshBlobstore();
    const src = await bs.createContainer('src');
    const dst = await bs.createContainer('dst');
    await writeObject(src, 'a', text('payload'));
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('disk failed', 'UnknownError');
    });
    const message = await errorOf(() => bs.moveObject({ container: 'src', object: 'a' }, { container: 'dst', object: 'b' }));
    expect(message).toBe('storage error: UnknownError: disk failed');
    vi.restoreAllMocks();
    expect(await src.hasObject('a')).toBe(true);
    expect(await dst.hasObject('b')).toBe(false);
  });
});

describe('a namespace deleted under an open blob store', () => {
  it('is deleted at once (the store steps aside) and the store reopens on its next call', async () => {
    const { BlobStore } = await import('./blobStore');
    const namespace = `blob-delete-${process.pid}`;
    const store = new BlobStore(namespace);
    await store.createContainer('kept');
    const outcome = await new Promise<string>((resolve) => {
      const req = indexedDB.deleteDatabase(`${namespace}-blob`);
      req.onsuccess = () => resolve('deleted');
      req.onblocked = () => resolve('blocked');
      req.onerror = () => resolve('error');
    });
    expect(outcome).toBe('deleted');
    // The database is gone, so is the container; the store works on a new one.
    await expect(store.containerExists('kept')).resolves.toBe(false);
    await store.createContainer('again');
    await expect(store.containerExists('again')).resolves.toBe(true);
  });
});
