import type { MeetingTopic } from './meetingTopics';

/**
 * What changes for the cloud interfaces in WASI 0.3 (component-model async), as the
 * questions a 2026 subgroup meeting would argue over. `then` is the 0.2 draft, `now` the
 * playground's 0.3 proposal (wit/P3-PROPOSALS.md); each has the 0.2 example and the 0.3
 * one to run one after the other. Shown by the "2026 debates" panel.
 */
export const debates2026: MeetingTopic[] = [
  {
    id: 'sync-async',
    title: 'Sync or async calls',
    area: 'keyvalue',
    then: 'wasi:keyvalue@0.2.0-draft2: every call blocks the guest until IndexedDB (or Redis, or NATS) answers. The host needs JSPI or threads to make a blocking call from an async backend.',
    now: 'proposal:keyvalue-p3: open, get, set, increment are async funcs. The guest gets a status word and a subtask, may start more calls, and waits on a waitable set. Same store: run the 0.2 counter, then the 0.3 one, and watch them count one key.',
    examples: [
      { id: 'kv-counter', label: '0.2: blocking counter' },
      { id: 'p3-counter', label: '0.3: async counter (both side by side)' },
    ],
  },
  {
    id: 'requests-in-flight',
    title: 'Several requests in flight',
    area: 'messaging',
    then: 'wasi:messaging@0.2.0-draft: request blocks until its replies arrive (or the timeout): three requests are three round trips one after the other.',
    now: 'proposal:messaging-p3: request is async. asker-p3 starts three and waits for all three subtasks together: the round trips overlap. The timeline shows three starts before the first end. A 0.2 asker talks to the same 0.3 responder.',
    examples: [
      { id: 'msg-request-reply', label: '0.2: one request at a time' },
      { id: 'p3-request-reply', label: '0.3: three in flight' },
    ],
  },
  {
    id: 'handler-concurrency',
    title: 'Handlers that wait',
    area: 'messaging',
    then: '0.2: incoming-handler.handle is sync; the host queues the next message until the handler returns, so a handler that asks another service stalls its whole subscription.',
    now: 'proposal:messaging-p3: handle is an async func. A handler that returns WAIT to the event loop lets the host deliver the next messages while it awaits; one that waits inline still runs them one at a time (compare order-desk-p3 with responder-p3).',
    examples: [
      { id: 'msg-fan-out', label: '0.2: handlers one at a time' },
      { id: 'p3-handler-awaits', label: '0.3: handler awaits, deliveries overlap' },
    ],
  },
  {
    id: 'streams',
    title: 'wasi:io streams or stream<u8>',
    area: 'blobstore',
    then: 'wasi:blobstore@0.2.0-draft: outgoing-value → output-stream (check-write, write, flush, pollables) → finish; incoming-value → input-stream. Needs wasi:io; the range end is inclusive and required.',
    now: 'proposal:blobstore-p3: write(name, stream<u8>) completes when every byte is stored; read(name, start, end?) returns a stream<u8>. No wasi:io, no pollables; the reader\u2019s pace is the writer\u2019s backpressure.',
    examples: [
      { id: 'blob-range-read', label: '0.2: wasi:io streams' },
      { id: 'p3-blob-stream', label: '0.3: stream<u8> with backpressure' },
    ],
  },
  {
    id: 'records',
    title: 'Resources or records',
    area: 'design',
    then: '0.2 messages are resources (message.data(), set-content-type, add-metadata: one host call each); a client resource is connected by name; draft2 cas is a handle created, kept and consumed by swap.',
    now: 'In 0.3 the proposals keep resources for capabilities (bucket, container) and use records for values: a message is a record (as wasmCloud\u2019s broker-message), there is no client, and compare-and-swap takes the expected value.',
    examples: [
      { id: 'kv-cas-swap', label: '0.2: cas handle + swap' },
      { id: 'p3-request-reply', label: '0.3: message records' },
    ],
  },
  {
    id: 'js-guests',
    title: 'JavaScript guests for 0.3',
    area: 'design',
    then: '0.2 JS/TS guests build in this browser with componentize-js.',
    now: 'Not possible yet: componentize-js does not support async imports, streams or futures (bytecodealliance/ComponentizeJS#335). A JS guest whose WIT uses async func is refused with that link; 0.3 guests here are WAT.',
    examples: [
      { id: 'js-kv-counter', label: '0.2: JavaScript counter' },
      { id: 'p3-counter', label: '0.3: the same counter in WAT' },
    ],
  },
];
