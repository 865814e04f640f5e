import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvelope } from '../../messaging/createEnvelope';
import { CHUNK_BYTES, pushEntries, toChunks, type LogEntry } from './logChunks';
import { appendBatchToLog, appendManyToLog, closeLogDatabases, LOG, logDatabaseName, readLogBatch, readLogFrom, RETAINED_PER_TOPIC } from './topicLog';
import { readNamespace } from '../../../learn/readNamespace';
import { decodeValue, encodeValue } from '../../../storage/encodeValue';

let n = 0;
const fresh = () => `test-log-chunks-${process.pid}-${++n}`;
afterEach(() => closeLogDatabases());

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (e: LogEntry) => new TextDecoder().decode(e.data);
const item = (topic: string, i: number | string) => ({ envelope: createEnvelope({ topic, tab: 't', guest: 'seed' }), data: utf8(`m${i}`) });
const items = (topic: string, from: number, count: number) => Array.from({ length: count }, (_, i) => item(topic, from + i));

/** A second connection to the log database, as another worker (or an older version of the app) has. */
async function rawLog(ns: string): Promise<IDBDatabase> {
  await readLogFrom(ns, 'any', 0); // creates the database with its stores
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(logDatabaseName(ns));
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function inTx<T>(db: IDBDatabase, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(LOG, mode);
    const req = body(tx.objectStore(LOG));
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
  });
}

const keysOf = async (db: IDBDatabase, topic: string) =>
  ((await inTx(db, 'readonly', (s) => s.getAllKeys(IDBKeyRange.bound([topic, 0], [topic, Number.MAX_SAFE_INTEGER])))) as Array<[string, number]>).map((k) => k[1]);

async function readAll(ns: string, topic: string, from = 0): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for (let at = from; ; ) {
    const batch = await readLogBatch(ns, topic, at, 256);
    if (batch.length === 0) return out;
    out.push(...batch);
    at = batch[batch.length - 1]!.offset + 1;
  }
}

describe('topic log chunks (logChunks.ts)', () => {
  it('splits entries into chunks below the byte budget, in order', () => {
    const chunks = toChunks(items('t', 0, 1000));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => c.data.map((d) => new TextDecoder().decode(d)))).toEqual(Array.from({ length: 1000 }, (_, i) => `m${i}`));
    for (const c of chunks) expect(c.envelopes.length).toBe(c.data.length);
    const big = { envelope: createEnvelope({ topic: 't', tab: 't', guest: 'g' }), data: new Uint8Array(CHUNK_BYTES * 2) };
    expect(toChunks([item('t', 0), big, item('t', 1)]).map((c) => c.data.length)).toEqual([1, 1, 1]);
  });

  it('survives a backup file (export everything, import everything)', async () => {
    const [chunk] = toChunks(items('t', 0, 3));
    const back = decodeValue(JSON.parse(JSON.stringify(await encodeValue(chunk))));
    const out: LogEntry[] = [];
    pushEntries(out, ['t', 9], back, 0);
    expect(out.map((e) => [e.offset, text(e), e.envelope.id])).toEqual(chunk!.envelopes.map((env, i) => [7 + i, `m${i}`, env.id]));
  });

  it('reads one-entry records of the older format and chunks alike', () => {
    const out: LogEntry[] = [];
    pushEntries(out, ['t', 3], { envelope: { id: 'a' }, data: utf8('old') }, 0);
    pushEntries(out, ['t', 6], { envelopes: [{ id: 'b' }, { id: 'c' }, { id: 'd' }], data: [utf8('x4'), utf8('x5'), utf8('x6')] }, 5);
    expect(out.map((e) => [e.offset, text(e)])).toEqual([[3, 'old'], [5, 'x5'], [6, 'x6']]);
  });
});

describe('topic log in chunks (topicLog.ts)', () => {
  it('continues a log of older one-entry records with chunks and reads both from any offset', async () => {
    const ns = fresh();
    const db = await rawLog(ns);
    await inTx(db, 'readwrite', (s) => {
      for (let i = 0; i < 5; i++) s.add({ envelope: item('t', i).envelope, data: utf8(`m${i}`) }, ['t', i]);
    });
    expect(await appendManyToLog(ns, 't', items('t', 5, 600))).toBe(5);
    expect(await appendManyToLog(ns, 't', [item('t', 605)])).toBe(605);
    const keys = await keysOf(db, 't');
    expect(keys.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(keys.length).toBeLessThan(20); // 601 entries in a few records
    expect(keys.at(-1)).toBe(605);
    db.close();
    for (const from of [0, 3, 4, 5, 6, keys[6]!, keys[6]! + 1, 604, 605]) {
      const all = await readAll(ns, 't', from);
      expect(all.map((e) => e.offset)).toEqual(Array.from({ length: 606 - from }, (_, i) => from + i));
      expect(all.map(text)).toEqual(Array.from({ length: 606 - from }, (_, i) => `m${from + i}`));
    }
    expect(await readLogFrom(ns, 't', 606)).toBeUndefined();
    expect((await readLogBatch(ns, 't', 0, 3)).map((e) => e.offset)).toEqual([0, 1, 2]);
  });

  it('trims whole chunks below the retained window and hides the older entries of the one straddling it', async () => {
    const ns = fresh();
    await appendManyToLog(ns, 't', items('t', 0, RETAINED_PER_TOPIC));
    const db = await rawLog(ns);
    const firstChunkEnd = (await keysOf(db, 't'))[0]!;
    expect(firstChunkEnd).toBeGreaterThan(50);
    await appendManyToLog(ns, 't', items('t', RETAINED_PER_TOPIC, 50));
    // Offset 50 is the oldest retained; its chunk starts at 0 and stays.
    expect((await keysOf(db, 't'))[0]).toBe(firstChunkEnd);
    expect((await readLogFrom(ns, 't', 0))?.offset).toBe(50);
    const window = await readAll(ns, 't');
    expect(window.length).toBe(RETAINED_PER_TOPIC);
    expect(window[0]!.offset).toBe(50);
    expect(text(window.at(-1)!)).toBe(`m${RETAINED_PER_TOPIC + 49}`);
    expect((await readNamespace(ns)).topics.t?.length).toBe(RETAINED_PER_TOPIC);
    // Once the window has passed the whole first chunk, that chunk is gone.
    await appendManyToLog(ns, 't', items('t', RETAINED_PER_TOPIC + 50, firstChunkEnd - 49));
    expect((await keysOf(db, 't'))[0]).toBeGreaterThan(firstChunkEnd);
    expect((await readLogFrom(ns, 't', 0))?.offset).toBe(firstChunkEnd + 1);
    expect((await readAll(ns, 't')).length).toBe(RETAINED_PER_TOPIC);
    db.close();
  });

  it('keeps offsets dense when appends of two connections interleave', async () => {
    const ns = fresh();
    const db = await rawLog(ns);
    // Another worker still on one-entry records appends between this worker's chunks.
    const appends: Promise<unknown>[] = [];
    for (let round = 0; round < 20; round++) {
      appends.push(appendBatchToLog(ns, [...items('a', round * 30, 30).map((x) => ({ topic: 'a', ...x })), { topic: 'b', ...item('b', round) }]));
      appends.push(
        inTx(db, 'readwrite', (s) => {
          const last = s.openKeyCursor(IDBKeyRange.bound(['a', 0], ['a', Number.MAX_SAFE_INTEGER]), 'prev');
          last.onsuccess = () => s.add({ envelope: item('a', 'x').envelope, data: utf8(`other${round}`) }, ['a', last.result ? (last.result.key as [string, number])[1] + 1 : 0]);
        }),
      );
    }
    await Promise.all(appends);
    db.close();
    const a = await readAll(ns, 'a');
    expect(a.map((e) => e.offset)).toEqual(Array.from({ length: 20 * 31 }, (_, i) => i));
    expect(a.filter((e) => text(e).startsWith('other')).length).toBe(20);
    expect(a.filter((e) => !text(e).startsWith('other')).map(text)).toEqual(Array.from({ length: 600 }, (_, i) => `m${i}`));
    expect((await readAll(ns, 'b')).map(text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it('reads overlapping chunks (two backups imported) once per offset', async () => {
    const ns = fresh();
    const db = await rawLog(ns);
    const chunk = (from: number, to: number, tag: string) => ({ envelopes: items('t', from, to - from + 1).map((x) => x.envelope), data: Array.from({ length: to - from + 1 }, (_, i) => utf8(`${tag}${from + i}`)) });
    await inTx(db, 'readwrite', (s) => {
      s.add(chunk(0, 4, 'a'), ['t', 4]);
      s.add(chunk(0, 9, 'b'), ['t', 9]);
    });
    db.close();
    expect((await readAll(ns, 't')).map(text)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b5', 'b6', 'b7', 'b8', 'b9']);
    expect(await appendManyToLog(ns, 't', [item('t', 10)])).toBe(10);
  });
});
