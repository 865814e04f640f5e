import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteEntries, getEntry, putEntries, updateEntry } from './kvEntries';
import { deleteKeysInRange, readEntriesInRange } from './kvKeyRanges';

const ns = () => `commit-${Math.random().toString(36).slice(2)}`;
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

/**
 * Write transactions say when their last request is issued (IDBTransaction.commit), so the
 * browser commits without waiting for auto-commit. Resolving still waits for `complete`,
 * and a failure still rolls back everything.
 */
describe('IndexedDB transactions commit as soon as their requests are issued', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a put, a delete and a range delete call commit() once each and are durable when they resolve', async () => {
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    const namespace = ns();
    await putEntries(namespace, 'b', [['a', bytes('1')], ['b', bytes('2')], ['c', bytes('3')]]);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(await deleteEntries(namespace, 'b', ['a', 'missing'])).toEqual(['a']);
    expect(await deleteKeysInRange(namespace, 'b', { lower: 'c' })).toBe(1);
    expect(commit).toHaveBeenCalledTimes(3);
    expect((await readEntriesInRange(namespace, 'b', {}, 10)).map(([k, v]) => `${k}=${text(v)}`)).toEqual(['b=2']);
  });

  it('a read-modify-write commits after its write, and concurrent ones still serialize', async () => {
    const namespace = ns();
    const add = (n: number) =>
      updateEntry(namespace, 'b', 'n', (current) => {
        const next = Number(text(current) ?? '0') + n;
        return { write: bytes(String(next)), result: next };
      });
    await Promise.all(Array.from({ length: 20 }, () => add(1)));
    expect(text(await getEntry(namespace, 'b', 'n'))).toBe('20');
  });

  it('an update that throws rolls back without committing', async () => {
    const namespace = ns();
    await putEntries(namespace, 'b', [['k', bytes('kept')]]);
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    await expect(
      updateEntry(namespace, 'b', 'k', () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow(/refused/);
    expect(commit).not.toHaveBeenCalled();
    expect(text(await getEntry(namespace, 'b', 'k'))).toBe('kept');
  });

  it('works where the browser has no IDBTransaction.commit (auto-commit does it)', async () => {
    const original = IDBTransaction.prototype.commit;
    // Older engines: the method is missing altogether.
    delete (IDBTransaction.prototype as Partial<IDBTransaction>).commit;
    try {
      const namespace = ns();
      await putEntries(namespace, 'b', [['x', bytes('y')]]);
      expect(text(await getEntry(namespace, 'b', 'x'))).toBe('y');
    } finally {
      IDBTransaction.prototype.commit = original;
    }
  });
});
