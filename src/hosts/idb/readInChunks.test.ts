import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listKeysInRange, putEntries, readEntriesInRange } from './index';
import { READ_CHUNK } from './readInChunks';

const ns = () => `chunks-${crypto.randomUUID()}`;
const keyOf = (i: number) => `k${String(i).padStart(5, '0')}`;

/** `n` keys k00000… in bucket "b" (value = the key's index as one byte pair), plus neighbours in other buckets. */
async function seed(n: number): Promise<string> {
  const namespace = ns();
  await putEntries(namespace, 'b', Array.from({ length: n }, (_, i): [string, Uint8Array] => [keyOf(i), new Uint8Array([i >> 8, i & 255])]));
  await putEntries(namespace, 'a', [['k99999', new Uint8Array([1])]]);
  await putEntries(namespace, 'c', [['k00000', new Uint8Array([2])]]);
  return namespace;
}

describe('range reads in chunks of READ_CHUNK', () => {
  it('reads every key and value of a range spanning several chunks, in order, from this bucket only', async () => {
    const n = 2 * READ_CHUNK + 3;
    const namespace = await seed(n);
    const pairs = await readEntriesInRange(namespace, 'b', {}, n + 1);
    expect(pairs.map(([k]) => k)).toEqual(Array.from({ length: n }, (_, i) => keyOf(i)));
    expect(pairs.every(([, v], i) => v[0] === i >> 8 && v[1] === (i & 255))).toBe(true);
    expect(await listKeysInRange(namespace, 'b', {}, n + 1)).toEqual(Array.from({ length: n }, (_, i) => keyOf(i)));
  });

  it('stops at the limit, also inside a chunk', async () => {
    const namespace = await seed(3 * READ_CHUNK);
    for (const limit of [1, READ_CHUNK, READ_CHUNK + 7, 2 * READ_CHUNK]) {
      expect(await listKeysInRange(namespace, 'b', {}, limit)).toEqual(Array.from({ length: limit }, (_, i) => keyOf(i)));
      expect((await readEntriesInRange(namespace, 'b', { lower: keyOf(5) }, limit)).map(([k]) => k)).toEqual(Array.from({ length: limit }, (_, i) => keyOf(i + 5)));
    }
  });

  it('keeps inclusive and exclusive upper bounds when a chunk ends exactly on them', async () => {
    const namespace = await seed(3 * READ_CHUNK);
    const last = keyOf(2 * READ_CHUNK - 1);
    expect(await listKeysInRange(namespace, 'b', { upper: last }, 10 * READ_CHUNK)).toHaveLength(2 * READ_CHUNK);
    expect(await listKeysInRange(namespace, 'b', { upper: last, upperExclusive: true }, 10 * READ_CHUNK)).toHaveLength(2 * READ_CHUNK - 1);
    const tail = await readEntriesInRange(namespace, 'b', { lower: keyOf(READ_CHUNK), upper: last }, 10 * READ_CHUNK);
    expect([tail.length, tail[0][0], tail[tail.length - 1][0]]).toEqual([READ_CHUNK, keyOf(READ_CHUNK), last]);
    expect(await listKeysInRange(namespace, 'b', { lower: 'z' }, 10)).toEqual([]);
  });
});
