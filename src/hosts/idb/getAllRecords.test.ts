import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { putEntries, readEntriesInRange } from './index';

const ns = () => `test-${crypto.randomUUID()}`;
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

type Store = IDBObjectStore & { getAllRecords?: unknown };
const proto = IDBObjectStore.prototype as Store;

async function seeded(): Promise<string> {
  const namespace = ns();
  await putEntries(namespace, 'b', ['d', 'a', 'c', 'e', 'b'].map((k): [string, Uint8Array] => [k, bytes(`v-${k}`)]));
  await putEntries(namespace, 'b2', [['a', bytes('other bucket')]]);
  return namespace;
}

const shown = (pairs: [string, Uint8Array][]) => pairs.map(([k, v]) => `${k}=${text(v)}`);

describe('readEntriesInRange (keys and values of a range in one snapshot)', () => {
  const real = proto.getAllRecords;
  afterEach(() => {
    proto.getAllRecords = real;
    vi.restoreAllMocks();
  });

  it('uses one getAllRecords request where the browser has it', async () => {
    const namespace = await seeded();
    expect(typeof real).toBe('function');
    const records = vi.spyOn(proto as Required<Store>, 'getAllRecords' as never);
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    expect(shown(await readEntriesInRange(namespace, 'b', {}, 100))).toEqual(['a=v-a', 'b=v-b', 'c=v-c', 'd=v-d', 'e=v-e']);
    expect(shown(await readEntriesInRange(namespace, 'b', { lower: 'b', upper: 'd', upperExclusive: true }, 100))).toEqual(['b=v-b', 'c=v-c']);
    expect(shown(await readEntriesInRange(namespace, 'b', { lower: 'b' }, 3))).toEqual(['b=v-b', 'c=v-c', 'd=v-d']);
    expect(records).toHaveBeenCalledTimes(3);
    expect(getAll).not.toHaveBeenCalled();
    expect(getAllKeys).not.toHaveBeenCalled();
  });

  it('pairs getAllKeys with getAll in order where getAllRecords is missing (older browsers)', async () => {
    const namespace = await seeded();
    proto.getAllRecords = undefined;
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    expect(shown(await readEntriesInRange(namespace, 'b', {}, 100))).toEqual(['a=v-a', 'b=v-b', 'c=v-c', 'd=v-d', 'e=v-e']);
    expect(shown(await readEntriesInRange(namespace, 'b', { lower: 'b', upper: 'd', upperExclusive: true }, 100))).toEqual(['b=v-b', 'c=v-c']);
    expect(shown(await readEntriesInRange(namespace, 'b', { lower: 'b' }, 2))).toEqual(['b=v-b', 'c=v-c']);
    expect(getAll).toHaveBeenCalledTimes(3);
  });
});
