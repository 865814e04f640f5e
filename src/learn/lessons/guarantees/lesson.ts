import type { Lesson } from '../../lessonTypes';
import producer from './producer.js?raw';
import producerWit from './producer.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const guaranteesLesson: Lesson = {
  id: 'delivery-guarantees',
  title: 'Delivery guarantees compared',
  text: `Under the same faulty network, three promises behave differently:
- **at-most-once** (the standard handler: returning settles the message): a lost or failed message is gone, and a duplicate the network made counts twice.
- **at-least-once** (acks and redelivery, two lessons back): nothing is lost once the broker has it, but redelivery and duplicates mean a message may be processed **more than once**.
- **exactly-once** is not something a network can deliver. It is at-least-once plus an **idempotent** consumer: it remembers what it applied (message ids, sequence numbers or log offsets) and skips repeats.

Here the bank sends 10 transfers with a \`seq\` metadata entry, and fault injection (seed 5) **duplicates** 40% of them on the way. Run the example *Delivery guarantees under faults* to see all three side by side.`,
  docs: [
    { title: 'NATS JetStream: exactly-once', url: 'https://docs.nats.io/using-nats/developer/develop_jetstream/model_deep_dive#exactly-once-semantics' },
    { title: 'Idempotent receiver pattern', url: 'https://www.enterpriseintegrationpatterns.com/patterns/messaging/IdempotentReceiver.html' },
  ],
  task: 'Book each transfer exactly once: `booked` in bucket `ledger` must be `10` although more than 10 messages arrive.',
  hints: ['Keep a key per applied transfer, e.g. `seen:<seq>`, and check it with `ledger.exists(...)` first.'],
  guests: [
    { name: 'ledger', lang: 'js', wit, source: starter, subscriptions: ['transfers'] },
    { name: 'bank', lang: 'js', wit: producerWit, source: producer, call: 'run', fixed: true, faults: { seed: 5, duplicateProbability: 0.4 } },
  ],
  solution: { ledger: solution },
  check: {
    settleMs: 800,
    expect: [
      { kind: 'messages', action: 'deliver', guest: 'ledger', min: 11, say: 'no duplicates arrived, so this run proves nothing (are the faults on?)' },
      { kind: 'key', bucket: 'ledger', key: 'booked', equals: 10 },
    ],
  },
};
