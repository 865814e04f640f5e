import type { Example } from '../exampleTypes';
import counterWat from '../keyvalue/counter.wat?raw';
import counterWit from '../keyvalue/counter.wit?raw';
import askerWat from '../messaging/asker.wat?raw';
import askerWit from '../messaging/asker.wit?raw';
import ordersProducerWat from '../messaging/ordersProducer.wat?raw';
import ordersProducerWit from '../messaging/ordersProducer.wit?raw';
import shouterWat from '../messaging/shouter.wat?raw';
import shouterWit from '../messaging/shouter.wit?raw';
import askerP3Wat from './askerP3.wat?raw';
import askerP3Wit from './askerP3.wit?raw';
import blobCopyP3Wat from './blobCopyP3.wat?raw';
import blobCopyP3Wit from './blobCopyP3.wit?raw';
import commandP3Wat from './commandP3.wat?raw';
import commandP3Wit from './commandP3.wit?raw';
import counterP3Wat from './counterP3.wat?raw';
import counterP3Wit from './counterP3.wit?raw';
import orderDeskP3Wat from './orderDeskP3.wat?raw';
import orderDeskP3Wit from './orderDeskP3.wit?raw';
import responderP3Wat from './responderP3.wat?raw';
import responderP3Wit from './responderP3.wit?raw';

/**
 * WASI 0.3 examples: WAT guests written against the component-model async ABI and the
 * proposal packages in wit/*-p3-*, next to 0.2 guests on the same store and bus. They need
 * JSPI (Chromium); see wit/P3-PROPOSALS.md for what each ABI step means.
 */
export const p3Examples: Example[] = [
  {
    id: 'p3-counter',
    title: 'WASI 0.3: the counter, 0.2 and 0.3 side by side',
    description:
      'Two guests increment the same "visits" key in bucket "counters": "counter" is the 0.2 example (wasi:keyvalue@0.2.0-draft2, blocking calls) and "counter-p3" is the same logic on proposal:keyvalue-p3 (async funcs). Both print run() → the new count; the 0.3 one is one higher because they share the IndexedDB store. Compare the two WAT files: 0.3 calls "[async-lower]open", gets a status word, waits on a waitable set and ends with task.return instead of a return value. In the trace each 0.3 call appears twice: "▶ open" when it starts and "open ◀" when it ends.',
    tags: ['wasi-0.3', 'keyvalue'],
    guests: [
      { name: 'counter', lang: 'wat', wit: counterWit, source: counterWat, call: 'run' },
      { name: 'counter-p3', lang: 'wat', wit: counterP3Wit, source: counterP3Wat, call: 'run' },
    ],
  },
  {
    id: 'p3-request-reply',
    title: 'WASI 0.3: request-reply with three requests in flight',
    description:
      'The responder-p3 handler (an async func) answers requests on greet with the data upper-cased. asker-p3 starts three requests — apples, pears, plums — without waiting in between (each: first reply, at most 4 s); then it waits for all three subtasks in one waitable set and returns "APPLES PEARS PLUMS". In the Diagram tab\'s timeline (filter: asker-p3) the three "▶ request" starts come before the first "request ◀" end: the three round trips overlap, where 0.2 requests block one after the other. The 0.2 asker asks the same 0.3 responder: a 0.2 and a 0.3 guest on one bus.',
    tags: ['wasi-0.3', 'messaging'],
    guests: [
      { name: 'responder-p3', lang: 'wat', wit: responderP3Wit, source: responderP3Wat, subscriptions: ['greet'] },
      { name: 'asker-p3', lang: 'wat', wit: askerP3Wit, source: askerP3Wat, call: 'run' },
      { name: 'asker', lang: 'wat', wit: askerWit, source: askerWat, call: 'run' },
    ],
  },
  {
    id: 'p3-blob-stream',
    title: 'WASI 0.3: a blob copied through stream<u8> (backpressure)',
    description:
      'The guest makes a stream<u8>, hands its readable end to container.write and writes 128 bytes into the other end, 16 at a time; then it reads source.txt from offset 32 (no end: the rest) as a stream and writes what arrives into copy.txt through a second stream. The host moves 16 bytes per step and stores a chunk before taking the next, so the guest\'s stream.write often finds nobody reading and has to wait: run() reports "wrote 128 bytes, writer waited Nx; copied 96 bytes from offset 32 in M reads". The trace shows every step (stream-read ← guest, stream-write → guest). No wasi:io, no pollables, no finish call.',
    tags: ['wasi-0.3', 'blobstore'],
    guests: [{ name: 'copier-p3', lang: 'wat', wit: blobCopyP3Wit, source: blobCopyP3Wat, call: 'run' }],
  },
  {
    id: 'p3-handler-awaits',
    title: 'WASI 0.3: a handler that awaits while more messages arrive',
    description:
      'order-desk-p3 is subscribed to orders.* and its handle is an async func: for each order it sends a request to greet (answered by the 0.2 shouter) and awaits the answer before printing "checked orders.… -> …". The 0.2 order service sends three orders in a row. While the first handle call waits, the host already delivers the second and third: in the timeline the three deliveries to order-desk-p3 come before its first handler call ends, and the console prints all three checks. A 0.2 handler would take them strictly one at a time.',
    tags: ['wasi-0.3', 'messaging'],
    guests: [
      { name: 'shouter', lang: 'wat', wit: shouterWit, source: shouterWat, subscriptions: ['greet'] },
      { name: 'order-desk-p3', lang: 'wat', wit: orderDeskP3Wit, source: orderDeskP3Wat, subscriptions: ['orders.*'] },
      { name: 'order-service', lang: 'wat', wit: ordersProducerWit, source: ordersProducerWat, call: 'run' },
    ],
  },
  {
    id: 'p3-command',
    title: 'WASI 0.3: a command (wasi:cli/run@0.3.0) with its exit code',
    description:
      'The standard WASI 0.3 command shape, as toolchains that target 0.3 produce it: the guest exports wasi:cli/run@0.3.0 (an async func) and prints through wasi:cli/stdout@0.3.0, whose write-via-stream takes a stream<u8> and returns a future that resolves once every byte is written. The host side is the browser build of @bytecodealliance/preview3-shim. It prints a greeting and one "arg:" line per argument, then exits: with the arguments "command-p3 7" (set in the Hosts tab) it calls exit-with-code(7) and the console shows "exit code 7"; with no number it returns err (exit code 1); with the program name alone, ok (exit code 0).',
    tags: ['wasi-0.3', 'cli'],
    guests: [{ name: 'command-p3', lang: 'wat', wit: commandP3Wit, source: commandP3Wat, args: ['command-p3', '7'] }],
  },
];
