import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';
import { createEnvelope } from '../src/hosts/messaging/createEnvelope';
import { appendManyToLog, LOG, logDatabaseName } from '../src/hosts/proposals/messagingExt/topicLog';
import { replayWat, replayWit } from './replayGuest';
import { alternate, figure, medianOf, type Figure } from './alternate';
import { hasGetAllRecords } from './benchRanges';

const TOPIC = 'bench.replay';

/**
 * Offset replay: a topic log of n messages (seeded in one transaction, as the producer
 * path would have appended them), replayed from offset 0 by a guest through
 * proposal:messaging-ext `subscribe-from` + `consumer.receive` + `message.data`, against
 * the fastest raw IndexedDB read of the same [topic, offset] range in this page touching
 * every entry's data. The raw methods run every round — one cursor, and getAll (and, where
 * the browser has it, getAllRecords) pages of the size the host reads ahead — and the faster one of that round is the baseline (its
 * name is noted). Alternating rounds; ratio = raw time / guest time.
 */
export async function benchReplay(client: BuildClient, n: number, rounds: number): Promise<Figure[]> {
  const built = await client.build(replayWit, { lang: 'wat', source: replayWat }, { slot: 'bench-replay' });
  if (built.status !== 'built') throw new Error(`replay guest failed to build: ${JSON.stringify(built)}`);
  const namespace = `bench-replay-${Date.now()}`;
  const data = new TextEncoder().encode('payload-of-32-bytes.............');
  const items = Array.from({ length: n }, () => ({ envelope: createEnvelope({ topic: TOPIC, tab: 'bench', guest: 'seed' }), data }));
  await appendManyToLog(namespace, TOPIC, items);
  const hostMs: number[] = [];
  const winners: string[] = [];
  let recycled = 0;
  const samples = await alternate(
    rounds,
    async () => {
      const r = await replayInGuest(built.artifact, namespace, n);
      hostMs.push(r.hostMs);
      if (r.runsBefore > 0) recycled += 1;
      return r.ms;
    },
    async () => {
      const times: Array<[string, number]> = [
        ['cursor', await rawReplay(namespace, n, 'cursor')],
        ['getAll', await rawReplay(namespace, n, 'getAll')],
      ];
      // The host pages with getAllRecords where the browser has it: so may the baseline.
      if (hasGetAllRecords()) times.push(['getAllRecords', await rawReplay(namespace, n, 'getAllRecords')]);
      const best = times.reduce((a, b) => (b[1] < a[1] ? b : a));
      winners.push(best[0]);
      return best[1];
    },
  );
  return [
    figure(samples, {
      id: 'replay',
      title: `Offset replay of ${n} messages: guest subscribe-from(0) + receive + data vs the faster of a raw cursor and raw getAll pages`,
      unit: 'ms',
      baselineName: 'raw IndexedDB',
      ratio: 'baseline/guest',
      goal: { op: '>=', value: 0.8 },
      // Rounds whose guest ran in a recycled worker (the previous round's: src/runtime/runWorkerPool.ts).
      notes: { guestMsgPerSec: n / (medianOf(samples.guest) / 1000), rawMsgPerSec: n / (medianOf(samples.baseline) / 1000), hostCallMs: medianOf(hostMs), fasterRaw: summarizeWinners(winners), guestInRecycledWorker: `${recycled}/${samples.guest.length}` },
    }),
  ];
}

/** "cursor 4/5" style note of which raw method won the rounds. */
export function summarizeWinners(winners: string[]): string {
  const counts = new Map<string, number>();
  for (const w of winners) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].map(([w, c]) => `${w} ${c}/${winners.length}`).join(', ');
}

function replayInGuest(artifact: BuildArtifact, namespace: string, n: number): Promise<{ ms: number; hostMs: number; runsBefore: number }> {
  let ms = 0;
  let hostMs = 0;
  let runsBefore = 0;
  let found: unknown;
  let trap: string | undefined;
  const h = startGuest(
    artifact,
    { config: { guest: 'replayer', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [] }, timeLimitMs: 300_000 },
    {
      onResult: (_name, value, t) => ((found = value), (ms = t)),
      onInstantiated: (_ms, _serving, _stages, before) => (runsBefore = before ?? 0),
      onTrap: (m) => (trap = m),
      onTrace: (events) => events.forEach((e) => e.kind === 'call' && (hostMs += e.ms)),
    },
  );
  return h.settled.then(() => {
    if (trap) throw new Error(`replay guest trapped: ${trap}`);
    if (Number(found) !== n) throw new Error(`replay guest read ${String(found)} of ${n} messages`);
    return { ms, hostMs, runsBefore };
  });
}

/**
 * Records per page of the getAll baselines: the host's read-ahead (createPullResources
 * READ_AHEAD) in records. The log stores chunks of entries (logChunks.ts), so a raw page
 * of this many records holds at least as many entries as the host reads per transaction.
 */
const PAGE = 256;

/** Touches every entry's data of one stored record (a chunk, or a one-entry record of the older format). */
function touchRecord(value: unknown): { entries: number; bytes: number } {
  const data = (value as { data: Uint8Array | Uint8Array[] }).data;
  if (!Array.isArray(data)) return { entries: 1, bytes: data.length };
  let bytes = 0;
  for (const d of data) bytes += d.length;
  return { entries: data.length, bytes };
}

/**
 * The raw read of the whole topic log, touching every entry's data: one cursor over its
 * records (chunks) in one readonly transaction, or getAllKeys + getAll pages of
 * {@link PAGE} records (one transaction each, like a consumer that holds no transaction
 * open between receives).
 */
async function rawReplay(namespace: string, n: number, method: 'cursor' | 'getAll' | 'getAllRecords'): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(logDatabaseName(namespace));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const t0 = performance.now();
  let count = 0;
  if (method === 'cursor') {
    count = await new Promise<number>((resolve, reject) => {
      let seen = 0;
      let bytes = 0;
      const tx = db.transaction(LOG, 'readonly');
      const cursor = tx.objectStore(LOG).openCursor(IDBKeyRange.bound([TOPIC, 0], [TOPIC, Number.MAX_SAFE_INTEGER]));
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const n = touchRecord(c.value);
        bytes += n.bytes;
        seen += n.entries;
        c.continue();
      };
      tx.oncomplete = () => resolve(bytes > 0 ? seen : 0);
      tx.onerror = () => reject(tx.error);
    });
  } else {
    for (let from = 0; ; ) {
      const page = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>((resolve, reject) => {
        const tx = db.transaction(LOG, 'readonly');
        const range = IDBKeyRange.bound([TOPIC, from], [TOPIC, Number.MAX_SAFE_INTEGER]);
        if (method === 'getAllRecords') {
          const store = tx.objectStore(LOG) as IDBObjectStore & { getAllRecords(o: { query: IDBKeyRange; count: number }): IDBRequest<Array<{ primaryKey: IDBValidKey; value: unknown }>> };
          const records = store.getAllRecords({ query: range, count: PAGE });
          records.onsuccess = () => resolve({ keys: records.result.map((r) => r.primaryKey), values: records.result.map((r) => r.value) });
        } else {
          const keys = tx.objectStore(LOG).getAllKeys(range, PAGE);
          const values = tx.objectStore(LOG).getAll(range, PAGE);
          values.onsuccess = () => resolve({ keys: keys.result, values: values.result });
        }
        tx.onerror = () => reject(tx.error);
      });
      for (const v of page.values) {
        const n = touchRecord(v);
        if (n.bytes > 0) count += n.entries;
      }
      if (page.keys.length < PAGE) break;
      from = (page.keys[page.keys.length - 1] as [string, number])[1] + 1;
    }
  }
  const ms = performance.now() - t0;
  db.close();
  if (count !== n) throw new Error(`raw ${method} read ${count} of ${n} entries`);
  return ms;
}
