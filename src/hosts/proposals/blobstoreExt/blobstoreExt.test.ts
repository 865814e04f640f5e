import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { HostContext } from '../../hostContract';
import { decode, errorOf, freshBlobstore, text, writeObject } from '../../blobstore/testHelpers';
import { createBlobstoreExtHost } from './createBlobstoreExtHost';

interface PinnedBlob {
  size(): bigint;
  read(start: bigint, len: bigint): Promise<Uint8Array>;
}
interface ExtImpl {
  ranges: { getDataFrom(c: unknown, name: string, start: bigint, end?: bigint): Promise<Uint8Array> };
  blobs: { Blob: { open(c: unknown, name: string): Promise<PinnedBlob>; name: string } };
}

const ctx: HostContext = { config: { guest: 'g', namespace: 'unused', subscriptions: [], buckets: [] }, emit: () => undefined, log: () => undefined };

async function setup() {
  const blobstore = await freshBlobstore();
  const container = await blobstore.createContainer('docs');
  await writeObject(container, 'hello.txt', text('hello, world'));
  const ext = createBlobstoreExtHost().create(ctx) as unknown as ExtImpl;
  return { container, ext };
}

describe('proposal:blobstore-ext ranges', () => {
  it('reads from start to an optional inclusive end', async () => {
    const { container, ext } = await setup();
    expect(decode(await ext.ranges.getDataFrom(container, 'hello.txt', 7n))).toBe('world');
    expect(decode(await ext.ranges.getDataFrom(container, 'hello.txt', 0n, 4n))).toBe('hello');
    expect(decode(await ext.ranges.getDataFrom(container, 'hello.txt', 7n, 1000n))).toBe('world');
    expect(await ext.ranges.getDataFrom(container, 'hello.txt', 12n)).toHaveLength(0);
    expect(await ext.ranges.getDataFrom(container, 'hello.txt', 99n, 120n)).toHaveLength(0);
  });

  it('reports bad input and missing objects as error strings', async () => {
    const { container, ext } = await setup();
    expect(await errorOf(() => ext.ranges.getDataFrom(container, 'hello.txt', 5n, 2n))).toContain('start > end');
    expect(await errorOf(() => ext.ranges.getDataFrom(container, 'nope', 0n))).toContain('nope');
    expect(await errorOf(() => ext.ranges.getDataFrom({}, 'hello.txt', 0n))).toContain('not a container');
  });
});

describe('proposal:blobstore-ext blobs', () => {
  it('is named blob for trace and JSPI names', () => {
    expect((createBlobstoreExtHost().create(ctx) as unknown as ExtImpl).blobs.Blob.name).toBe('Blob');
  });

  it('pins bytes against overwrite and delete', async () => {
    const { container, ext } = await setup();
    const handle = await ext.blobs.Blob.open(container, 'hello.txt');
    await writeObject(container, 'hello.txt', text('replaced entirely'));
    expect(handle.size()).toBe(12n);
    expect(decode(await handle.read(0n, 5n))).toBe('hello');
    await container.deleteObject('hello.txt');
    expect(decode(await handle.read(7n, 100n))).toBe('world');
    expect(await handle.read(12n, 4n)).toHaveLength(0);
    expect(await errorOf(() => handle.read(13n, 1n))).toContain('past the end');
    const fresh = await errorOf(() => ext.blobs.Blob.open(container, 'hello.txt'));
    expect(fresh).toContain('hello.txt');
  });
});
