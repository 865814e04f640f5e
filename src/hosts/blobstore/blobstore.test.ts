import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HostError } from '../hostContract';
import { blobstoreHosts } from './index';
import { decode, errorOf, freshBlobstore, readAll, text, writeObject } from './testHelpers';
import { IncomingValue, OutgoingValue } from './values';

describe('containers', () => {
  it('creates, gets, reports info and deletes', async () => {
    const bs = await freshBlobstore();
    const before = Math.floor(Date.now() / 1000);
    const photos = await bs.createContainer('photos');
    expect(photos.name()).toBe('photos');
    const info = await photos.info();
    expect(info.name).toBe('photos');
    expect(Number(info.createdAt)).toBeGreaterThanOrEqual(before);
    expect(await bs.containerExists('photos')).toBe(true);
    expect(await bs.containerExists('nope')).toBe(false);
    expect((await bs.getContainer('photos')).name()).toBe('photos');
    await bs.deleteContainer('photos');
    expect(await bs.containerExists('photos')).toBe(false);
  });

  it('gives clear errors for duplicates, missing and empty names', async () => {
    const bs = await freshBlobstore();
    await bs.createContainer('x');
    expect(await errorOf(() => bs.createContainer('x'))).toBe('container "x" already exists');
    expect(await errorOf(() => bs.getContainer('y'))).toBe('container "y" does not exist');
    expect(await errorOf(() => bs.deleteContainer('y'))).toBe('container "y" does not exist');
    expect(await errorOf(() => bs.createContainer(''))).toBe('container name must not be empty');
  });

  it('deleting a container removes its objects, and a stale handle reports it', async () => {
    const bs = await freshBlobstore();
    const a = await bs.createContainer('a');
    const b = await bs.createContainer('b');
    await writeObject(a, 'one', text('1'));
    await writeObject(b, 'one', text('b1'));
    await bs.deleteContainer('a');
    const again = await bs.createContainer('a');
    expect(await again.hasObject('one')).toBe(false);
    expect(await b.hasObject('one')).toBe(true);
    await bs.deleteContainer('b');
    expect(await errorOf(() => b.hasObject('one'))).toBe('container "b" does not exist');
  });
});

describe('objects', () => {
  it('round-trips through the body streams and reports metadata', async () => {
    const bs = await freshBlobstore();
    const c = await bs.createContainer('docs');
    await writeObject(c, 'a.txt', text('hello, blobstore!'));
    expect(await c.hasObject('a.txt')).toBe(true);
    const info = await c.objectInfo('a.txt');
    expect(info).toMatchObject({ name: 'a.txt', container: 'docs', size: 17n });
    const value = await c.getData('a.txt', 0n, 16n);
    expect(value.size()).toBe(17n);
    expect(decode((await readAll(value)).bytes)).toBe('hello, blobstore!');
    const sync = await IncomingValue.incomingValueConsumeSync(await c.getData('a.txt', 7n, 15n));
    expect(decode(sync)).toBe('blobstore');
  });

  it('reports missing objects clearly and deletes without error when absent', async () => {
    const bs = await freshBlobstore();
    const c = await bs.createContainer('docs');
    expect(await errorOf(() => c.getData('gone', 0n, 1n))).toBe('object "gone" does not exist in container "docs"');
    expect(await errorOf(() => c.objectInfo('gone'))).toBe('object "gone" does not exist in container "docs"');
    await c.deleteObject('gone');
    await writeObject(c, 'p', text('1'));
    await writeObject(c, 'q', text('2'));
    await writeObject(c, 'r', text('3'));
    await c.deleteObjects(['p', 'q', 'missing']);
    expect([await c.hasObject('p'), await c.hasObject('q'), await c.hasObject('r')]).toEqual([false, false, true]);
    await c.clear();
    expect(await c.hasObject('r')).toBe(false);
  });

  it('write-body works once, and finish stores bytes written after write-data', async () => {
    const bs = await freshBlobstore();
    const c = await bs.createContainer('c');
    const value = OutgoingValue.newOutgoingValue();
    const body = value.outgoingValueWriteBody();
    expect(() => value.outgoingValueWriteBody()).toThrow(HostError);
    body.checkWrite();
    await body.write(text('first '));
    await c.writeData('late.txt', value);
    expect((await c.objectInfo('late.txt')).size).toBe(6n);
    body.checkWrite();
    await body.write(text('second'));
    await OutgoingValue.finish(value);
    expect(decode(await IncomingValue.incomingValueConsumeSync(await c.getData('late.txt', 0n, 100n)))).toBe('first second');
    expect(() => body.checkWrite()).toThrow(HostError);
  });

  it('copies and moves across containers', async () => {
    const bs = await freshBlobstore();
    const src = await bs.createContainer('src');
    const dst = await bs.createContainer('dst');
    await writeObject(src, 'a', text('payload'));
    await bs.copyObject({ container: 'src', object: 'a' }, { container: 'dst', object: 'copy' });
    expect(await src.hasObject('a')).toBe(true);
    expect(decode(await IncomingValue.incomingValueConsumeSync(await dst.getData('copy', 0n, 99n)))).toBe('payload');
    await bs.moveObject({ container: 'src', object: 'a' }, { container: 'dst', object: 'moved' });
    expect(await src.hasObject('a')).toBe(false);
    expect((await dst.objectInfo('moved')).size).toBe(7n);
    expect(await errorOf(() => bs.moveObject({ container: 'src', object: 'a' }, { container: 'dst', object: 'x' }))).toBe(
      'object "a" does not exist in container "src"',
    );
    expect(await errorOf(() => bs.copyObject({ container: 'dst', object: 'moved' }, { container: 'nowhere', object: 'x' }))).toBe(
      'container "nowhere" does not exist',
    );
    expect(await dst.hasObject('moved')).toBe(true);
  });

  it('exports one package with the WIT id', () => {
    expect(blobstoreHosts.map((h) => h.id)).toEqual(['wasi:blobstore@0.2.0-draft']);
  });
});
