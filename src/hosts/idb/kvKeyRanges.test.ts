import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countKeysInRange, deleteKeysInRange, getEntry, listKeysFromOffset, listKeysInRange, putEntries } from './index';

const ns = () => `test-${crypto.randomUUID()}`;
const v = new Uint8Array([1]);

async function seed(namespace: string): Promise<void> {
  await putEntries(namespace, 'b', ['d', 'a', 'c', 'e', 'b', ''].map((k): [string, Uint8Array] => [k, v]));
  await putEntries(namespace, 'b2', [['a', v]]);
  await putEntries(namespace, 'a', [['z', v]]);
}

describe('ordered key ranges on [bucket, key]', () => {
  it('lists keys of one bucket in order within inclusive and exclusive bounds', async () => {
    const namespace = ns();
    await seed(namespace);
    expect(await listKeysInRange(namespace, 'b', {}, 100)).toEqual(['', 'a', 'b', 'c', 'd', 'e']);
    expect(await listKeysInRange(namespace, 'b', { lower: 'b', upper: 'd' }, 100)).toEqual(['b', 'c', 'd']);
    expect(
      await listKeysInRange(namespace, 'b', { lower: 'b', upper: 'd', lowerExclusive: true, upperExclusive: true }, 100),
    ).toEqual(['c']);
    expect(await listKeysInRange(namespace, 'b', { lower: 'c' }, 2)).toEqual(['c', 'd']);
    expect(await listKeysInRange(namespace, 'b', { upper: 'c' }, 100, true)).toEqual(['c', 'b', 'a', '']);
    expect(await listKeysInRange(namespace, 'b', { lower: 'd', upper: 'b' }, 100)).toEqual([]);
    expect(await listKeysInRange(namespace, 'b', { lower: 'c', upper: 'c', upperExclusive: true }, 100)).toEqual([]);
  });

  it('skips by offset, counts and deletes a range atomically without touching other buckets', async () => {
    const namespace = ns();
    await seed(namespace);
    expect(await listKeysFromOffset(namespace, 'b', 2, 3)).toEqual(['b', 'c', 'd']);
    expect(await listKeysFromOffset(namespace, 'b', 10, 3)).toEqual([]);
    expect(await countKeysInRange(namespace, 'b')).toBe(6);
    expect(await countKeysInRange(namespace, 'b', { lower: 'a', upper: 'c' })).toBe(3);
    expect(await deleteKeysInRange(namespace, 'b', { lower: 'a', upper: 'c' })).toBe(3);
    expect(await listKeysInRange(namespace, 'b', {}, 100)).toEqual(['', 'd', 'e']);
    expect(await getEntry(namespace, 'b2', 'a')).toEqual(v);
    expect(await getEntry(namespace, 'a', 'z')).toEqual(v);
  });
});
