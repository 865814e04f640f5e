import type { Example } from '../exampleTypes';
import { deliveryGuaranteesExample } from './deliveryExample';
import kvRangesWat from './kvRanges.wat?raw';
import kvRangesWit from './kvRanges.wit?raw';
import blobHandlesWat from './blobHandles.wat?raw';
import blobHandlesWit from './blobHandles.wit?raw';
import dashboardWat from './dashboard.wat?raw';
import dashboardWit from './dashboard.wit?raw';
import kvTtlHost from './kvTtlHost.js?raw';
import kvTtlWat from './kvTtl.wat?raw';
import kvTtlWit from './kvTtl.wit?raw';
import sensorWat from './sensor.wat?raw';
import sensorWit from './sensor.wit?raw';

/**
 * Examples for the proposals debated at the 2022-12-01 WASI meeting (wit/*-0.1.0 and a
 * user-declared one), each runnable next to the standard interfaces it extends.
 */
export const proposalExamples: Example[] = [
  {
    id: 'proposal-kv-ranges',
    title: 'Key ranges: tables by prefix, a time-ordered log (proposal)',
    description:
      'wasi-keyvalue PR #4 (Nov 2022, never merged) asked for get-range queries, and the 2022-12-01 WASI meeting debated whether a key-value interface should promise ordered keys at all. This guest stores a "users table" as user:<id>:<column> keys and an event log as log:<ISO timestamp> keys in one flat bucket, then uses proposal:keyvalue-range: get-range(prefix("user:42:")) reads one row, count-range counts a table, get-keys(from(…)) is "everything later than X" (the open-ended bound Joel Dice suggested) – watch it run past the log into the user:* keys, because one flat bucket holds both tables, and how an interval ending at "log;" (the prefix\'s successor) keeps it inside the log, interval is half-open while inclusive keeps the end key, and delete-range drops a row in one call. Compare with "JavaScript: key ranges with standard list-keys only", the same queries without the proposal: every one lists all pages, sorts and filters in the guest, and gets key by key.',
    tags: ['keyvalue', 'proposal'],
    guests: [{ name: 'tables', lang: 'wat', wit: kvRangesWit, source: kvRangesWat, call: 'run' }],
  },
  deliveryGuaranteesExample,
  {
    id: 'proposal-pull-and-replay',
    title: 'Receive with a timeout, replay from offset 0 (proposal)',
    description:
      'Two messaging ideas of 2022 that the standard dropped. The 2022 draft had receive(time-to-live) – pull a message, or give up after a timeout – and Kafka users asked for consuming from an offset. The sensor publishes three readings while nobody listens and exits. The dashboard then subscribes live: receive(250 ms) returns none (the readings came before it subscribed), a reading it publishes itself arrives, and the next receive times out again. Then subscribe-from(sensors.temp, 0) replays the topic log, including readings from a worker that no longer exists. Run it again and the replay grows: the log keeps what every run published.',
    tags: ['messaging', 'proposal'],
    guests: [
      { name: 'sensor', lang: 'wat', wit: sensorWit, source: sensorWat, call: 'run' },
      { name: 'dashboard', lang: 'wat', wit: dashboardWit, source: dashboardWat, call: 'run' },
    ],
  },
  {
    id: 'proposal-blob-handles',
    title: 'Blob reads with an open end, handles that pin bytes (proposal)',
    description:
      'Two blobstore ideas from 2022 that did not survive into wasi:blobstore. get-data-from(name, start, none) reads from start to the end of the object without asking for its size first (the standard get-data needs an end; wasi-blobstore issue #31 asks what a start past the end should do – this proposal returns an empty list). A blob handle, like the 2022 data-blob, pins the bytes it was opened with: the guest opens notes.txt, overwrites the object, and container.get-data returns the new bytes while blob.read on the old handle still returns the original ones. In the trace, compare write-data/finish with blob.open and blob.read.',
    tags: ['blobstore', 'proposal'],
    guests: [{ name: 'archivist', lang: 'wat', wit: blobHandlesWit, source: blobHandlesWat, call: 'run' }],
  },
  {
    id: 'proposal-custom-kv-ttl',
    title: 'Try your own interface: key TTLs (custom host)',
    description:
      'An interface the playground does not ship: the WIT declares package proposal:kv-ttl@0.1.0 itself (set-with-ttl and get, plus a sleep helper), and its host is the JavaScript in the "Host code" tab – a module whose default export has create(ctx) returning one object per interface. The guest stores a session key with a 250 ms TTL and a theme with a minute, sleeps 400 ms, and finds the session gone while the theme is still there; the host logs the expiry. Change the WIT (say, add a touch function) and the host code together and Run: a new proposal can be tried without changing the app.',
    tags: ['keyvalue', 'proposal', 'custom host'],
    guests: [{ name: 'ttl-user', lang: 'wat', wit: kvTtlWit, source: kvTtlWat, call: 'run' }],
    customHosts: { 'proposal:kv-ttl@0.1.0': kvTtlHost },
  },
];
