import type { Example } from '../exampleTypes';
import askerJs from './asker.js?raw';
import askerWit from './asker.wit?raw';
import bucketWalkJs from './bucketWalk.js?raw';
import bucketWalkWit from './bucketWalk.wit?raw';
import counterJs from './counter.js?raw';
import counterWit from './counter.wit?raw';
import orderLogJs from './orderLog.js?raw';
import orderLogWit from './orderLog.wit?raw';
import ordersProducerJs from './ordersProducer.js?raw';
import ordersProducerWit from './ordersProducer.wit?raw';
import rangesByListKeysJs from './rangesByListKeys.js?raw';
import rangesByListKeysWit from './rangesByListKeys.wit?raw';
import rangeReadJs from './rangeRead.js?raw';
import rangeReadWit from './rangeRead.wit?raw';
import shouterJs from './shouter.js?raw';
import shouterWit from './shouter.wit?raw';
import visitLogTs from './visitLog.ts?raw';
import visitLogWit from './visitLog.wit?raw';

const FIRST_BUILD =
  ' The first JavaScript build downloads the engine with the WIT bindings of this example already spliced in (about 6 MB, made when the site was built; after an edit of the WIT it loads the engine and splicer (about 5 MB, gzipped) and splices, which takes several seconds); after a JS-only edit, Run re-initialises the engine with the new code in well under that.';

/** Examples whose guests are JavaScript or TypeScript, compiled with componentize-js in the browser. */
export const jsExamples: Example[] = [
  {
    id: 'js-kv-counter',
    title: 'JavaScript: counter (keyvalue atomics)',
    description:
      'The visit counter with a JavaScript guest: open a bucket, increment "visits" atomically and return it (s64 is a BigInt in JS). It shares the "visits" key with the WAT counter, so both count together.' + FIRST_BUILD,
    tags: ['keyvalue', 'javascript'],
    guests: [{ name: 'js-counter', lang: 'js', wit: counterWit, source: counterJs, call: 'run' }],
  },
  {
    id: 'js-kv-bucket-walk',
    title: 'JavaScript: bucket walk (set, get, list-keys paging)',
    description:
      'Writes 250 keys, reads one back, then lists the bucket page by page by following the cursor. WIT records become plain objects ({ keys, cursor }), option<T> is T or undefined, tuples are arrays.' + FIRST_BUILD,
    tags: ['keyvalue', 'javascript'],
    guests: [{ name: 'js-walker', lang: 'js', wit: bucketWalkWit, source: bucketWalkJs, call: 'run' }],
  },
  {
    id: 'js-kv-ranges-by-list-keys',
    title: 'JavaScript: key ranges with standard list-keys only',
    description:
      'The standard side of the 2022 range-query debate: the same eleven keys and queries as the key-ranges proposal example (a row by prefix, a count, everything from 10:00 on, a half-open and an inclusive interval, deleting a row), in the same bucket "tables", written with wasi:keyvalue alone. list-keys promises no order and takes no bounds, so each query lists every page, sorts and filters in the guest, then gets each value; the console ends with the number of host calls. Run the proposal example next and compare its trace: one call per query.' + FIRST_BUILD,
    tags: ['keyvalue', 'javascript'],
    guests: [{ name: 'js-tables', lang: 'js', wit: rangesByListKeysWit, source: rangesByListKeysJs, call: 'run' }],
  },
  {
    id: 'js-msg-fan-out',
    title: 'JavaScript: pub/sub fan-out',
    description:
      'A JavaScript producer sends three order events; the same JavaScript handler runs twice, as "all-orders" (orders.*) and "payments" (orders.paid). The handler is the exported object incomingHandler with a handle(message) method; orders.paid is delivered to both.' + FIRST_BUILD,
    tags: ['messaging', 'javascript'],
    guests: [
      { name: 'js-all-orders', lang: 'js', wit: orderLogWit, source: orderLogJs, subscriptions: ['orders.*'] },
      { name: 'js-payments', lang: 'js', wit: orderLogWit, source: orderLogJs, subscriptions: ['orders.paid'] },
      { name: 'js-order-service', lang: 'js', wit: ordersProducerWit, source: ordersProducerJs, call: 'run' },
    ],
  },
  {
    id: 'js-msg-request-reply',
    title: 'JavaScript: request-reply',
    description:
      'A JavaScript responder replies to requests on greet in upper case; a JavaScript asker sends "hello, wasi" expecting one reply within 3000 ms (request returns at the first reply) and prints it. request() looks synchronous in the guest: the host suspends it (JSPI) while the reply travels over BroadcastChannel.' + FIRST_BUILD,
    tags: ['messaging', 'javascript'],
    guests: [
      { name: 'js-shouter', lang: 'js', wit: shouterWit, source: shouterJs, subscriptions: ['greet'] },
      { name: 'js-asker', lang: 'js', wit: askerWit, source: askerJs, call: 'run' },
    ],
  },
  {
    id: 'js-blob-range-read',
    title: 'JavaScript: blob write and range reads',
    description:
      'Writes greeting.txt through an outgoing-value and its wasi:io output-stream, then reads inclusive byte ranges with get-data (u64 offsets are BigInts). An end past the object is clamped; a start past it throws, and err.payload is the host\'s error string.' + FIRST_BUILD,
    tags: ['blobstore', 'javascript'],
    guests: [{ name: 'js-ranger', lang: 'js', wit: rangeReadWit, source: rangeReadJs, call: 'run' }],
  },
  {
    id: 'ts-kv-visit-log',
    title: 'TypeScript: visit log (JSON in keyvalue)',
    description:
      'A TypeScript guest keeping the last five visits as JSON in bucket "visit-log". Types are stripped in the browser before the build; errors in the engine point back at lines of the .ts source.' + FIRST_BUILD,
    tags: ['keyvalue', 'typescript'],
    guests: [{ name: 'ts-visit-log', lang: 'ts', wit: visitLogWit, source: visitLogTs, call: 'run' }],
  },
];
