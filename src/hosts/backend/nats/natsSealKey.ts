import { createStore, update } from 'idb-keyval';

/**
 * This browser's key for sealing NATS sends (natsSeal.ts): 8 random bytes in IndexedDB,
 * which every tab and run worker of this origin shares and no NATS peer can read. Made by
 * whichever worker asks first; `update` reads and writes in one transaction, so two workers
 * starting at once agree on one key.
 */
export async function natsSealKey(): Promise<Uint8Array> {
  const store = createStore('wcp-browser', 'keys');
  let key: Uint8Array | undefined;
  await update<Uint8Array>('nats-seal', (stored) => (key = stored instanceof Uint8Array && stored.length === 8 ? stored : crypto.getRandomValues(new Uint8Array(8))), store);
  return key as Uint8Array;
}
