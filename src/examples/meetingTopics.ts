/**
 * The debates of the WASI subgroup meeting of 1 Dec 2022 on the cloud interfaces, what
 * became of each, and the examples that let a user try both sides. Shown by the UI's
 * "2022 debates" panel; every `examples` id must name a shipped example (tested).
 */
export interface MeetingTopic {
  id: string;
  /** Short heading. */
  title: string;
  /** Which proposal repository the debate belonged to. */
  area: 'messaging' | 'keyvalue' | 'blobstore' | 'design';
  /** What was proposed or argued in 2022. */
  then: string;
  /** Where the standard WIT stands now (0.2.0-draft / draft2). */
  now: string;
  /** Examples to open, standard first, then proposed variants. */
  examples: Array<{ id: string; label: string }>;
}

/** In the meeting's order: messaging first, then key-value and blobs, then design. */
export const meetingTopics: MeetingTopic[] = [
  {
    id: 'merge',
    title: 'One messaging interface',
    area: 'messaging',
    then: 'Dan Chiarlone proposed merging wasi-pubsub and wasi-message-queue into wasi-messaging; the 2022 WIT still had a channel variant { queue(string), topic(string) }.',
    now: 'One interface: producer.send and an exported incoming-handler. Whether subscribers share a copy or compete for it is host configuration, not WIT (here: a queue: prefix).',
    examples: [
      { id: 'msg-fan-out', label: 'pub/sub fan-out' },
      { id: 'msg-work-queue', label: 'work queue' },
    ],
  },
  {
    id: 'cloudevents',
    title: 'CloudEvents as the envelope',
    area: 'messaging',
    then: 'The 2022 event record was CloudEvents 1.0 (specversion, ty, source, id, datacontenttype, …), argued for as widely adopted in CNCF and able to wrap any payload.',
    now: 'Dropped as mandatory in Jun 2023; the message resource has data, content-type and metadata. This playground still wraps each message in a CloudEvents envelope: open one in the Inspector.',
    examples: [{ id: 'msg-fan-out', label: 'send, then inspect a delivery' }],
  },
  {
    id: 'offsets',
    title: 'Kafka-style offsets',
    area: 'messaging',
    then: 'A separate optional interface for start offsets (replay, exactly-once processing); some called offsets an anti-pattern for a portable API.',
    now: 'Not in the standard. proposal:messaging-ext/offsets here: a persisted log per topic, subscribe-from(offset), commit.',
    examples: [
      { id: 'proposal-pull-and-replay', label: 'replay from offset 0' },
      { id: 'proposal-delivery-guarantees', label: 'exactly-once under faults' },
    ],
  },
  {
    id: 'acks',
    title: 'Acknowledgements',
    area: 'messaging',
    then: 'An explicit ack function, and broker-to-publisher acks; Jun 2023 added complete-message / abandon-message.',
    now: 'No ack/nack: the host reads the handler\u2019s result (ok = done). proposal:messaging-ext/acks here adds ack and nack(requeue) with redelivery.',
    examples: [{ id: 'proposal-delivery-guarantees', label: 'at-most-once vs at-least-once' }],
  },
  {
    id: 'timeouts',
    title: 'Receive timeouts',
    area: 'messaging',
    then: 'Timeouts on stream-receive and on-receive; the follow-up PR had receive(time-to-live-in-milliseconds, token).',
    now: 'The only timeout left is request-options.set-timeout-ms. proposal:messaging-ext/receive-timeout here: pull with a timeout.',
    examples: [
      { id: 'msg-request-reply', label: 'request timeout' },
      { id: 'proposal-pull-and-replay', label: 'receive(timeout-ms)' },
    ],
  },
  {
    id: 'inbox',
    title: 'Reply-to inboxes',
    area: 'messaging',
    then: 'The AMQP / Azure Service Bus "inbox" pattern for RPC over messaging.',
    now: 'The optional request-reply interface: request(…, options) collects replies until a timeout or a count; reply(reply-to, message). The host keeps the inbox.',
    examples: [{ id: 'msg-request-reply', label: 'request-reply' }],
  },
  {
    id: 'patterns',
    title: 'Topic patterns',
    area: 'messaging',
    then: 'Regex topic patterns for subscriptions.',
    now: 'No subscribe API at all: the host decides a handler\u2019s topics from its configuration (wasi:config). Here: the Hosts tab, with NATS-style wildcards orders.* and orders.> (a regular expression is refused, not taken literally).',
    examples: [{ id: 'msg-fan-out', label: 'orders.* and orders.paid' }],
  },
  {
    id: 'ranges',
    title: 'Key-value range requests',
    area: 'keyvalue',
    then: 'PR #4 "add get-range queries": get-keys, get-range, count-range, delete-range over all / prefix / inclusive / interval, for tables by prefix and time-ordered logs. Joel Dice suggested an optional end ("everything later than X").',
    now: 'Never merged: list-keys is unordered and paged by a cursor. proposal:keyvalue-range here, with from(start) as the open end.',
    examples: [
      { id: 'js-kv-ranges-by-list-keys', label: 'standard: the same queries by list-keys' },
      { id: 'proposal-kv-ranges', label: 'proposal: ranges' },
    ],
  },
  {
    id: 'get-data',
    title: 'get-data(name, start, end)',
    area: 'blobstore',
    then: 'Bailey Hayes asked for feedback on exactly this signature: inclusive offsets, both required.',
    now: 'Kept to this day, returning an incoming-value over wasi:io streams; what happens past the end is still unspecified (issue #31). proposal:blobstore-ext here adds an optional end.',
    examples: [
      { id: 'blob-range-read', label: 'standard: inclusive ranges' },
      { id: 'proposal-blob-handles', label: 'proposal: open end' },
    ],
  },
  {
    id: 'handles',
    title: 'Resource handles for blobs',
    area: 'blobstore',
    then: 'The 2022 data-blob pinned the bytes for its lifetime, even if the object was deleted later.',
    now: 'incoming-value is consumed once, through a stream or as a list. proposal:blobstore-ext here has blob handles that pin bytes across overwrites.',
    examples: [{ id: 'proposal-blob-handles', label: 'handles that pin bytes' }],
  },
  {
    id: 'atomics',
    title: 'Atomics: increment and compare-and-swap',
    area: 'keyvalue',
    then: 'wasi:kv/data/atomic had increment and compare_and_swap(key, old: u64, new: u64).',
    now: 'draft (what wasmtime and wasmCloud ship) has only u64 increment; draft2 has s64 increment and a cas resource with swap and cas-failed.',
    examples: [
      { id: 'kv-counter-draft', label: 'draft: u64 increment' },
      { id: 'kv-counter', label: 'draft2: s64 increment' },
      { id: 'kv-cas-swap', label: 'draft2: cas + swap' },
    ],
  },
  {
    id: 'design',
    title: 'Designing while implementations vary',
    area: 'design',
    then: 'How to shape an interface that Redis, DynamoDB, S3, Kafka and NATS backends can all serve.',
    now: 'Versions diverged: draft and draft2 are not link-compatible, though here they share one store. Try a variant yourself: declare a WIT package and write its host in the Host code tab.',
    examples: [
      { id: 'kv-counter-draft', label: 'draft vs draft2' },
      { id: 'proposal-custom-kv-ttl', label: 'your own interface' },
    ],
  },
];
