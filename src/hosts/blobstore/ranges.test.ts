import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, errorOf, freshBlobstore, readAll, text, writeObject } from './testHelpers';
import { IncomingValue } from './values';

const TWENTY = 'abcdefghijklmnopqrst';

async function docs() {
  const c = await (await freshBlobstore()).createContainer('docs');
  await writeObject(c, 'a.txt', text(TWENTY));
  const read = async (start: bigint, end: bigint) => decode(await IncomingValue.incomingValueConsumeSync(await c.getData('a.txt', start, end)));
  return { c, read };
}

afterEach(() => vi.restoreAllMocks());

describe('get-data ranges (inclusive offsets)', () => {
  it('reads the first byte, the last byte and a middle range', async () => {
    const { read } = await docs();
    expect(await read(0n, 0n)).toBe('a');
    expect(await read(19n, 19n)).toBe('t');
    expect(await read(5n, 9n)).toBe('fghij');
    expect(await read(0n, 19n)).toBe(TWENTY);
  });

  it('clamps an end past the object to its last byte', async () => {
    const { c, read } = await docs();
    expect(await read(15n, 100n)).toBe('pqrst');
    expect(await read(0n, 0xffff_ffff_ffff_ffffn)).toBe(TWENTY);
    expect((await c.getData('a.txt', 10n, 1000n)).size()).toBe(10n);
  });

  it('rejects start > end and a start past the end with exact messages', async () => {
    const { c } = await docs();
    expect(await errorOf(() => c.getData('a.txt', 10n, 5n))).toBe('range 10..=5 is invalid: start > end');
    expect(await errorOf(() => c.getData('a.txt', 100n, 200n))).toBe('start 100 is past the end of object "a.txt" (size 20)');
    expect(await errorOf(() => c.getData('a.txt', 20n, 20n))).toBe('start 20 is past the end of object "a.txt" (size 20)');
  });

  it('reads an empty object from start 0 as an empty value', async () => {
    const { c } = await docs();
    await writeObject(c, 'empty', new Uint8Array(0));
    const value = await c.getData('empty', 0n, 0xffff_ffff_ffff_ffffn);
    expect(value.size()).toBe(0n);
    expect((await IncomingValue.incomingValueConsumeSync(value)).length).toBe(0);
    expect(await errorOf(() => c.getData('empty', 1n, 1n))).toBe('start 1 is past the end of object "empty" (size 0)');
  });

  it('streams a range in reads of at most the requested length', async () => {
    const { c } = await docs();
    const { bytes, reads } = await readAll(await c.getData('a.txt', 2n, 18n), 5n);
    expect(decode(bytes)).toBe('cdefghijklmnopqrs');
    expect(reads).toEqual([5, 5, 5, 2]);
  });

  it('a value can be consumed only once', async () => {
    const { c } = await docs();
    const value = await c.getData('a.txt', 0n, 1n);
    await IncomingValue.incomingValueConsumeSync(value);
    expect(await errorOf(() => IncomingValue.incomingValueConsumeSync(value))).toBe('incoming-value was already consumed');
  });
});

describe('large objects', () => {
  it('a range read of a 50 MB object reads only the requested slice', async () => {
    const c = await (await freshBlobstore()).createContainer('big');
    const size = 50 * 1024 * 1024;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) data[i] = (i / 4096) % 256;
    await writeObject(c, 'big.bin', data);
    expect((await c.objectInfo('big.bin')).size).toBe(BigInt(size));

    const readSizes: number[] = [];
    const original = Blob.prototype.arrayBuffer;
    vi.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
      readSizes.push(this.size);
      return original.call(this);
    });
    const start = 30 * 1024 * 1024;
    const value = await c.getData('big.bin', BigInt(start), BigInt(start + 8191));
    expect(readSizes).toEqual([]); // get-data itself reads no bytes
    const bytes = await IncomingValue.incomingValueConsumeSync(value);
    expect(readSizes).toEqual([8192]);
    expect(bytes.length).toBe(8192);
    expect(bytes[0]).toBe(data[start]);
    expect(bytes[4096]).toBe(data[start + 4096]);

    // Streaming a 3 MiB tail reads 1 MiB windows, never the whole object.
    readSizes.length = 0;
    const tail = await readAll(await c.getData('big.bin', BigInt(size - 3 * 1024 * 1024), BigInt(size)), 65536n);
    expect(tail.bytes.length).toBe(3 * 1024 * 1024);
    // Three 1 MiB window reads from the object, then readAll's own join of the 3 MiB result.
    expect(readSizes).toEqual([1 << 20, 1 << 20, 1 << 20, 3 << 20]);
    expect(tail.reads.every((n) => n === 65536)).toBe(true);
    expect(tail.bytes[0]).toBe(data[size - 3 * 1024 * 1024]);
  }, 60_000);
});
