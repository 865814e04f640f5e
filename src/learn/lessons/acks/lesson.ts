import type { Lesson } from '../../lessonTypes';
import producer from './producer.js?raw';
import producerWit from './producer.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const acksLesson: Lesson = {
  id: 'proposal-acks-redelivery',
  title: 'Proposal: acks and redelivery under faults',
  text: `In the standard \`wasi:messaging\`, returning from \`handle\` is all a handler can say: the message is done. The 2022–2023 debate proposed explicit acknowledgements (\`complete-message\` / \`abandon-message\`); this playground ships them as \`proposal:messaging-ext/acks\`: \`ack(message)\` — processed, forget it; \`nack(message, requeue)\` — failed, and with \`requeue = true\` the host **redelivers** it (up to 5 times, with \`redelivery\` metadata). That is **at-least-once** delivery.

This lesson runs under **injected faults**: the handler's 2nd and 5th \`increment\` calls fail with the store's own error (the Faults tab shows the rules; every Check sees the same failures). The payer sends 8 payments.`,
  docs: [
    { title: 'wasi-messaging (standard)', url: 'https://github.com/WebAssembly/wasi-messaging' },
    { title: 'WASI meeting of 1 Dec 2022 (notes)', url: 'https://github.com/WebAssembly/meetings/blob/main/wasi/2022/WASI-12-01.md' },
    { title: 'At-least-once delivery', url: 'https://docs.nats.io/using-nats/developer/develop_jetstream/consumers#acknowledgement-models' },
  ],
  task: 'Book all 8 payments despite the faults: `processed` in bucket `ledger` must reach `8`. Nack a payment you could not book so it comes back.',
  hints: ['In the `catch`, call `nack(message, true)` and `return` (so you don\'t also ack it).', 'Watch the trace: `nack` then `deliver` of the same payment again.'],
  guests: [
    { name: 'payments', lang: 'js', wit, source: starter, subscriptions: ['payments'], faults: { calls: [{ iface: 'wasi:keyvalue/atomics', fn: 'increment', nth: 2 }, { iface: 'wasi:keyvalue/atomics', fn: 'increment', nth: 5 }] } },
    { name: 'payer', lang: 'js', wit: producerWit, source: producer, call: 'run', fixed: true },
  ],
  solution: { payments: solution },
  check: {
    settleMs: 2500,
    expect: [
      { kind: 'calls', guest: 'payments', fn: 'increment', ok: false, min: 1, say: 'no increment failed, so the faults were not injected (is the Faults rule still there?)' },
      { kind: 'calls', guest: 'payments', fn: 'nack', min: 1, say: 'a failed payment was acked and lost: the handler never called `nack`' },
      { kind: 'key', bucket: 'ledger', key: 'processed', equals: 8 },
    ],
  },
};
