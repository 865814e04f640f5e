import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';
import { createEnvelope } from '../src/hosts/messaging/createEnvelope';
import { appendManyToLog, LOG, logDatabaseName } from '../src/hosts/proposals/messagingExt/topicLog';
import { replayWat, replayWit } from './replayGuest';

const TOPIC = 'bench.replay';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Offset replay: a topic log of n messages (seeded in one transaction, as the producer
 * path would have appended them), replayed from offset 0 by a guest through
 * proposal:messaging-ext `subscribe-from` + `consumer.receive` + `message.data`, against a
 * raw IndexedDB cursor over the same [topic, offset] range in this page reading every
 * entry's data. Warm-up first (IndexedDB is slow on first use), then three alternating
 * rounds; medians. `ratio` = raw cursor time / guest time (1 = as fast as the raw cursor).
 */
export async function benchReplay(client: BuildClient, n = 10_000) {
  const built = await client.build(replayWit, { lang: 'wat', source: replayWat }, { slot: 'bench-replay' });
  if (built.status !== 'built') throw new Error(`replay guest failed to build: ${JSON.stringify(built)}`);
  const namespace = `bench-replay-${Date.now()}`;
  const data = new TextEncoder().encode('payload-of-32-bytes.............');
  const items = Array.from({ length: n }, () => ({ envelope: createEnvelope({ topic: TOPIC, tab: 'bench', guest: 'seed' }), data }));
  await appendManyToLog(namespace, TOPIC, items);
  await rawReplay(namespace, n);
  await replayInGuest(built.artifact, namespace, n);
  const guest: Array<{ ms: number; hostMs: number }> = [];
  const raw: number[] = [];
  for (let round = 0; round < 3; round++) {
    guest.push(await replayInGuest(built.artifact, namespace, n));
    raw.push(await rawReplay(namespace, n));
  }
  const guestMs = median(guest.map((g) => g.ms));
  const rawMs = median(raw);
  return {
    messages: n,
    guestMs,
    hostCallMs: median(guest.map((g) => g.hostMs)),
    rawCursorMs: rawMs,
    guestMsgPerSec: n / (guestMs / 1000),
    rawMsgPerSec: n / (rawMs / 1000),
    ratio: rawMs / guestMs,
  };
}

function replayInGuest(artifact: BuildArtifact, namespace: string, n: number): Promise<{ ms: number; hostMs: number }> {
  let ms = 0;
  let hostMs = 0;
  let found: unknown;
  let trap: string | undefined;
  const h = startGuest(
    artifact,
    { config: { guest: 'replayer', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [] }, timeLimitMs: 300_000 },
    {
      onResult: (_name, value, t) => ((found = value), (ms = t)),
      onTrap: (m) => (trap = m),
      onTrace: (events) => events.forEach((e) => e.kind === 'call' && (hostMs += e.ms)),
    },
  );
  return h.settled.then(() => {
    if (trap) throw new Error(`replay guest trapped: ${trap}`);
    if (Number(found) !== n) throw new Error(`replay guest read ${String(found)} of ${n} messages`);
    return { ms, hostMs };
  });
}

/** One readonly transaction, one cursor over the topic's offsets, touching every entry's data. */
async function rawReplay(namespace: string, n: number): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(logDatabaseName(namespace));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const t0 = performance.now();
  const count = await new Promise<number>((resolve, reject) => {
    let seen = 0;
    let bytes = 0;
    const tx = db.transaction(LOG, 'readonly');
    const cursor = tx.objectStore(LOG).openCursor(IDBKeyRange.bound([TOPIC, 0], [TOPIC, Number.MAX_SAFE_INTEGER]));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      bytes += (c.value as { data: Uint8Array }).data.length;
      seen++;
      c.continue();
    };
    tx.oncomplete = () => resolve(bytes > 0 ? seen : 0);
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  if (count !== n) throw new Error(`raw cursor read ${count} of ${n} entries`);
  return ms;
}
