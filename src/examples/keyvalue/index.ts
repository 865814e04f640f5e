import type { Example } from '../exampleTypes';
import bucketWalkWat from './bucketWalk.wat?raw';
import bucketWalkWit from './bucketWalk.wit?raw';
import casPriceWat from './casPrice.wat?raw';
import casPriceWit from './casPrice.wit?raw';
import counterWat from './counter.wat?raw';
import counterWit from './counter.wit?raw';
import counterDraftWat from './counterDraft.wat?raw';
import counterDraftWit from './counterDraft.wit?raw';
import stockClerkWat from './stockClerk.wat?raw';
import stockClerkWit from './stockClerk.wit?raw';
import stockWatchWat from './stockWatch.wat?raw';
import stockWatchWit from './stockWatch.wit?raw';

/** Key-value examples written in WAT against the canonical ABI. */
export const keyvalueExamples: Example[] = [
  {
    id: 'kv-counter',
    title: 'Counter (keyvalue draft2, atomic increment)',
    description:
      'Opens bucket "counters" and atomically increments "visits". Run it again (or in two tabs at once): the count survives reloads because the host stores it in IndexedDB, and increments from several tabs never get lost.',
    natsDescription:
      'Opens bucket "counters" and atomically increments "visits". Hosts run on a NATS server: the count lives in its JetStream key-value bucket wcp-kv-counters, so it survives reloads and server restarts, and everyone on the server counts the same "visits": increments from several machines never get lost (each is a revision-checked update, retried on conflict).',
    tags: ['keyvalue'],
    guests: [{ name: 'counter', lang: 'wat', wit: counterWit, source: counterWat, call: 'run' }],
  },
  {
    id: 'kv-counter-draft',
    title: 'Counter on 0.2.0-draft (what wasmtime ships)',
    description:
      'The same counter against wasi:keyvalue@0.2.0-draft: u64 increment instead of s64, numeric list cursor, no cas. Both versions share the store, so it counts the same "visits" key as the draft2 example, yet the two packages are not link-compatible.',
    tags: ['keyvalue'],
    guests: [{ name: 'counter-draft', lang: 'wat', wit: counterDraftWit, source: counterDraftWat, call: 'run' }],
  },
  {
    id: 'kv-bucket-walk',
    title: 'Bucket walk (set, get, list-keys paging)',
    description:
      'Writes 250 keys, reads one back, then lists the bucket page by page by following the opaque cursor. The trace shows each list-keys call with the cursor it passed.',
    tags: ['keyvalue'],
    guests: [{ name: 'walker', lang: 'wat', wit: bucketWalkWit, source: bucketWalkWat, call: 'run' }],
  },
  {
    id: 'kv-cas-swap',
    title: 'Compare-and-swap (draft2 cas, swap, cas-failed retry)',
    description:
      'Optimistic concurrency as draft2 added it (wasi-keyvalue PR #46): cas.new snapshots "price" in bucket "shop", current() reads 100, and the guest means to write 110. Before its swap another writer sets 120 (the guest does it itself, so the conflict happens every time; two tabs running at once would do it for real). swap fails with cas-failed, which hands back a fresh handle; the retry reads 120 and writes 130. run() returns the attempts (2). 0.2.0-draft has no cas: compare the draft counter example.',
    tags: ['keyvalue'],
    guests: [{ name: 'pricer', lang: 'wat', wit: casPriceWit, source: casPriceWat, call: 'run' }],
  },
  {
    id: 'kv-watcher',
    title: 'Watch a bucket (draft2 watcher: on-set, on-delete)',
    description:
      'A watch service: "stock-watch" exports wasi:keyvalue/watcher and has no run; its host configuration (Hosts tab, buckets) says it watches "inventory". The clerk sets apples and pears, sells 35 apples with an atomic increment of -35, adds plums and figs with batch set-many and deletes pears; the host announces each committed change and calls on-set / on-delete on the watcher, which flags one-digit stock as low. Changes cross workers and tabs: run the clerk in another tab and this tab\'s watcher prints them. A guest never hears its own writes, so a watcher that writes cannot loop.',
    tags: ['keyvalue'],
    guests: [
      { name: 'stock-watch', lang: 'wat', wit: stockWatchWit, source: stockWatchWat, buckets: ['inventory'] },
      { name: 'clerk', lang: 'wat', wit: stockClerkWit, source: stockClerkWat, call: 'run' },
    ],
  },
];
