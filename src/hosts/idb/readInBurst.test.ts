import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countKeysInRange, getEntry, hasEntry, listKeysInRange, openKvDatabase, putEntries, readEntriesInRange, updateEntry } from './index';
import { MAX_BURST_READS, readBurstStats } from './readInBurst';

const ns = () => `burst-${crypto.randomUUID()}`;
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

/** Reads made from one task share a readonly transaction; the counters say how many did. */
function counted<T>(reads: () => Promise<T>): Promise<{ value: T; shared: number; opened: number }> {
  const before = { ...readBurstStats };
  return reads().then((value) => ({ value, shared: readBurstStats.shared - before.shared, opened: readBurstStats.opened - before.opened }));
}

describe('reads in one burst share a readonly transaction', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serves reads made while its transaction is active from one transaction, with exact results', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['a', bytes('1')], ['b', bytes('2')], ['c', bytes('3')]]);
    await openKvDatabase(namespace);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const r = await counted(() =>
      Promise.all([getEntry(namespace, 'b', 'a'), hasEntry(namespace, 'b', 'zz'), countKeysInRange(namespace, 'b'), listKeysInRange(namespace, 'b', { lower: 'b' }, 10), readEntriesInRange(namespace, 'b', {}, 2)]),
    );
    const [a, has, count, keys, pairs] = r.value;
    expect([text(a), has, count, keys, pairs.map(([k, v]) => `${k}=${text(v)}`)]).toEqual(['1', false, 3, ['b', 'c'], ['a=1', 'b=2']]);
    expect({ opened: r.opened, shared: r.shared }).toEqual({ opened: 1, shared: 4 });
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('ends at a write from this worker: a read after it sees the write', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['k', bytes('old')]]);
    await openKvDatabase(namespace);
    const r = await counted(() => {
      const before = getEntry(namespace, 'b', 'k');
      const write = putEntries(namespace, 'b', [['k', bytes('new')]]);
      const after = getEntry(namespace, 'b', 'k');
      return Promise.all([before, write, after]);
    });
    expect([text(r.value[0]), text(r.value[2])]).toEqual(['old', 'new']);
    expect(r.opened).toBe(2);
  });

  it('opens a new transaction once a burst has served MAX_BURST_READS reads', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['k', bytes('v')]]);
    await openKvDatabase(namespace);
    const r = await counted(() => Promise.all(Array.from({ length: MAX_BURST_READS + 1 }, () => getEntry(namespace, 'b', 'k'))));
    expect(r.value.every((v) => text(v) === 'v')).toBe(true);
    expect(r.opened).toBe(2);
  });

  it('a read after the burst task ended opens a new transaction (the old one is no longer active)', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['k', bytes('1')]]);
    await openKvDatabase(namespace);
    const r = await counted(async () => {
      const first = await getEntry(namespace, 'b', 'k');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await updateEntry(namespace, 'b', 'k', () => ({ write: bytes('2'), result: undefined }));
      return [first, await getEntry(namespace, 'b', 'k')];
    });
    expect(r.value.map(text)).toEqual(['1', '2']);
    expect(r.opened).toBe(2);
  });

  it('a refused read rejects with a store error; the reads around it still answer', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['k', bytes('v')]]);
    await openKvDatabase(namespace);
    const good = getEntry(namespace, 'b', 'k');
    // NaN is no valid key: IndexedDB refuses the request itself.
    const bad = readEntriesInRange(namespace, 'b', { lower: NaN as unknown as string }, 1);
    const later = getEntry(namespace, 'b', 'k');
    await expect(bad).rejects.toThrow();
    expect([text(await good), text(await later)]).toEqual(['v', 'v']);
  });
});
