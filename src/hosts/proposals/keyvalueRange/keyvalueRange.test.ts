import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../hostContract';
import { keyvalueDraft2Host } from '../../keyvalue/index';
import { bytes, createImports, makeTestContext, text, uniqueNamespace, type TestBucket } from '../../keyvalue/createTestHost';
import { createKeyvalueRangeHost, MAX_RANGE_RESULTS } from './createKeyvalueRangeHost';
import { successor, type KeyRange } from './toKeyBounds';
import rangeWit from '../../../../wit/keyvalue-range-0.1.0/keyvalue-range.wit?raw';

interface RangeImpl {
  getKeys(b: TestBucket, r: KeyRange): Promise<string[]>;
  getRange(b: TestBucket, r: KeyRange): Promise<Array<[string, Uint8Array]>>;
  countRange(b: TestBucket, r: KeyRange): Promise<bigint>;
  deleteRange(b: TestBucket, r: KeyRange): Promise<void>;
}

/** 1,000 keys: 200 users × 4 columns (a table by prefix) and 200 time-ordered log lines. */
async function seededGuest() {
  const { ctx } = makeTestContext(uniqueNamespace());
  const kv = await createImports(keyvalueDraft2Host, ctx);
  const range = (await createKeyvalueRangeHost().create(ctx)).range as unknown as RangeImpl;
  const bucket = await kv.store.open('app');
  const pairs: Array<[string, Uint8Array]> = [];
  for (let u = 0; u < 200; u++) {
    for (const col of ['email', 'name', 'plan', 'seen']) pairs.push([`user:${u}:${col}`, bytes(`${col}-${u}`)]);
  }
  const start = Date.UTC(2022, 11, 1, 17, 0, 0);
  for (let i = 0; i < 200; i++) pairs.push([`log:${new Date(start + i * 60_000).toISOString()}`, bytes(`event ${i}`)]);
  await kv.batch.setMany(bucket, pairs);
  const other = await kv.store.open('other');
  await other.set('user:1:name', bytes('not in app'));
  return { kv, range, bucket, other };
}

describe('proposal:keyvalue-range', () => {
  it('emulates a table with prefixes', async () => {
    const { range, bucket } = await seededGuest();
    expect(await range.countRange(bucket, { tag: 'all' })).toBe(1000n);
    // "user:1:" must not match user:10, user:100...
    expect(await range.getKeys(bucket, { tag: 'prefix', val: 'user:1:' })).toEqual([
      'user:1:email', 'user:1:name', 'user:1:plan', 'user:1:seen',
    ]);
    expect(await range.countRange(bucket, { tag: 'prefix', val: 'user:1' })).toBe(4n * 111n);
    const row = await range.getRange(bucket, { tag: 'prefix', val: 'user:42:' });
    expect(row.map(([k, v]) => [k, text(v)])).toEqual([
      ['user:42:email', 'email-42'], ['user:42:name', 'name-42'], ['user:42:plan', 'plan-42'], ['user:42:seen', 'seen-42'],
    ]);
    expect(await range.countRange(bucket, { tag: 'prefix', val: 'user:' })).toBe(800n);
  });

  it('queries a time-ordered log by interval, inclusive range and from', async () => {
    const { range, bucket } = await seededGuest();
    const window = await range.getKeys(bucket, { tag: 'interval', val: ['log:2022-12-01T18:00', 'log:2022-12-01T18:10'] });
    expect(window).toHaveLength(10);
    expect(window[0]).toBe('log:2022-12-01T18:00:00.000Z');
    expect(window[9]).toBe('log:2022-12-01T18:09:00.000Z');
    const closed = await range.getKeys(bucket, { tag: 'inclusive', val: ['log:2022-12-01T18:00:00.000Z', 'log:2022-12-01T18:10:00.000Z'] });
    expect(closed).toHaveLength(11);
    // `from` is open-ended over the whole bucket: past the 20 log lines after 20:00 it runs on
    // into the user: keys, which sort after "log:".
    expect(await range.countRange(bucket, { tag: 'from', val: 'log:2022-12-01T20:00' })).toBe(20n + 800n);
    const later = await range.getRange(bucket, { tag: 'from', val: 'log:2022-12-01T20:18' });
    expect(later.slice(0, 3).map(([k, v]) => [k, text(v)])).toEqual([
      ['log:2022-12-01T20:18:00.000Z', 'event 198'], ['log:2022-12-01T20:19:00.000Z', 'event 199'], ['user:0:email', 'email-0'],
    ]);
    // Bounded to the log "table": the prefix's successor ("log;") is the exclusive end.
    expect(await range.countRange(bucket, { tag: 'interval', val: ['log:2022-12-01T20:00', 'log;'] })).toBe(20n);
  });

  it('deletes a range and only that range, in this bucket only', async () => {
    const { range, bucket, other } = await seededGuest();
    await range.deleteRange(bucket, { tag: 'prefix', val: 'user:1' });
    expect(await range.countRange(bucket, { tag: 'prefix', val: 'user:' })).toBe(800n - 444n);
    expect(await range.countRange(bucket, { tag: 'all' })).toBe(1000n - 444n);
    expect(await range.getKeys(other, { tag: 'all' })).toEqual(['user:1:name']);
    await range.deleteRange(bucket, { tag: 'interval', val: ['log:', 'log:2022-12-01T17:30'] });
    expect(await range.countRange(bucket, { tag: 'prefix', val: 'log:' })).toBe(170n);
  });

  it('treats inverted and degenerate ranges as empty', async () => {
    const { range, bucket } = await seededGuest();
    expect(await range.getKeys(bucket, { tag: 'inclusive', val: ['z', 'a'] })).toEqual([]);
    expect(await range.getKeys(bucket, { tag: 'interval', val: ['user:1:name', 'user:1:name'] })).toEqual([]);
    expect(await range.getKeys(bucket, { tag: 'inclusive', val: ['user:1:name', 'user:1:name'] })).toEqual(['user:1:name']);
    expect(await range.countRange(bucket, { tag: 'prefix', val: '' })).toBe(1000n);
    expect(await range.getKeys(bucket, { tag: 'prefix', val: 'nothing' })).toEqual([]);
  });

  it('covers keys containing U+FFFF under a prefix', async () => {
    const { kv, range } = await seededGuest();
    const b = await kv.store.open('edge');
    await kv.batch.setMany(b, [['p', bytes('1')], ['p\uffffx', bytes('2')], ['p\uffff\uffff', bytes('3')], ['q', bytes('4')]]);
    expect(await range.getKeys(b, { tag: 'prefix', val: 'p' })).toEqual(['p', 'p\uffffx', 'p\uffff\uffff']);
    expect(await range.getKeys(b, { tag: 'prefix', val: 'p\uffff' })).toEqual(['p\uffffx', 'p\uffff\uffff']);
    expect(successor('ab')).toBe('ac');
    expect(successor('a\uffff')).toBe('b');
    expect(successor('\uffff')).toBeUndefined();
  });

  it('sorts keys in the order its WIT documents (UTF-16 code units, not UTF-8 bytes)', async () => {
    const { kv, range } = await seededGuest();
    const b = await kv.store.open('order');
    // U+FF01 (fullwidth !) comes before U+1F600 (an emoji) in UTF-8 bytes, after it in UTF-16.
    await kv.batch.setMany(b, [['k\uff01', bytes('1')], ['k\u{1f600}', bytes('2')]]);
    expect(await range.getKeys(b, { tag: 'all' })).toEqual(['k\u{1f600}', 'k\uff01']);
    expect(await range.getKeys(b, { tag: 'interval', val: ['k', 'k\uff01'] })).toEqual(['k\u{1f600}']);
    const doc = rangeWit.slice(0, rangeWit.indexOf('interface range'));
    expect(doc).toMatch(/UTF-16 code units/);
    expect(doc).not.toMatch(/compare by their UTF-8 bytes/);
  });

  it('rejects foreign handles and malformed ranges with clear errors', async () => {
    const { range, bucket } = await seededGuest();
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e as HostError).payload);
    expect(await err(range.getKeys({ name: 'app' } as TestBucket, { tag: 'all' }))).toMatchObject({ tag: 'other', val: expect.stringContaining('not a bucket') });
    expect(await err(range.getKeys(bucket, { tag: 'between' } as unknown as KeyRange))).toMatchObject({ val: expect.stringContaining('unknown key-range case "between"') });
    expect(await err(range.getKeys(bucket, { tag: 'interval', val: ['a'] } as unknown as KeyRange))).toMatchObject({ val: expect.stringContaining('tuple') });
  });

  it('fails a list past the cap with a hint, while count and smaller sub-ranges still work', async () => {
    const { kv, range } = await seededGuest();
    const big = await kv.store.open('big');
    const keys = Array.from({ length: MAX_RANGE_RESULTS + 5 }, (_, i) => `k:${String(i).padStart(6, '0')}`);
    await kv.batch.setMany(big, keys.map((k): [string, Uint8Array] => [k, bytes('v')]));
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e as HostError).payload);
    for (const r of [{ tag: 'all' }, { tag: 'from', val: 'k:000001' }] as KeyRange[]) {
      expect(await err(range.getKeys(big, r))).toMatchObject({ tag: 'other', val: expect.stringContaining(`more than ${MAX_RANGE_RESULTS} keys`) });
      expect(await err(range.getRange(big, r))).toMatchObject({ val: expect.stringContaining('bounded pieces') });
    }
    expect(await range.countRange(big, { tag: 'all' })).toBe(BigInt(MAX_RANGE_RESULTS + 5));
    // Exactly at the cap is fine; the remainder is a small page of its own.
    expect(await range.getKeys(big, { tag: 'interval', val: ['k:000000', keys[MAX_RANGE_RESULTS]] })).toHaveLength(MAX_RANGE_RESULTS);
    expect(await range.getKeys(big, { tag: 'from', val: keys[MAX_RANGE_RESULTS] })).toEqual(keys.slice(MAX_RANGE_RESULTS));
  });
});
