import type { Example } from '../exampleTypes';
import atLeastOnceWat from './atLeastOnce.wat?raw';
import atLeastOnceWit from './atLeastOnce.wit?raw';
import atMostOnceWat from './atMostOnce.wat?raw';
import atMostOnceWit from './atMostOnce.wit?raw';
import deliveryProducerWat from './deliveryProducer.wat?raw';
import deliveryProducerWit from './deliveryProducer.wit?raw';
import deliveryTallyWat from './deliveryTally.wat?raw';
import deliveryTallyWit from './deliveryTally.wit?raw';
import exactlyOnceWat from './exactlyOnce.wat?raw';
import exactlyOnceWit from './exactlyOnce.wit?raw';

/** Every consumer's processing fails the same way: 20% of counter increments, same seed. */
const flakyIncrements = { seed: 59, calls: [{ iface: 'wasi:keyvalue/atomics', fn: 'increment', probability: 0.2 }] };

const DESCRIPTION =
  'The messaging debate of the 2022-12-01 WASI meeting: should wasi:messaging promise more than fire-and-forget? The producer sends #01 … #10 to topic "deliveries" with injected network faults (seed 22: 20% dropped, 20% duplicated at send). Three consumers count what they process in bucket "deliveries", and each one\'s counter increments fail 20% of the time (seed 59). "at-most-once" is a standard incoming-handler: a failed message is gone, a duplicate counts twice. "at-least-once" imports proposal:messaging-ext acks: it nacks a failure and the host redelivers it (watch nack → deliver with redelivery metadata in the trace), but duplicates still count twice and messages dropped before the broker recorded them never arrive. "exactly-once" reads the topic log through offsets (appended by the host before the faulty network), skips offsets it already applied and commits; its 4th commit is made to fail, so it restarts and re-reads without double-counting. The tally prints lost and doubled messages per guarantee. Change the faults in the Faults tab and Run again.';

/**
 * At-most-once vs at-least-once vs offset-based exactly-once, under seeded faults. The
 * fault configs are defaults the Faults panel shows and can override.
 */
export const deliveryGuaranteesExample: Example = {
  id: 'proposal-delivery-guarantees',
  title: 'Delivery guarantees under faults (at-most-once, at-least-once, offsets)',
  description: DESCRIPTION,
  // The room's server is shared: what every machine running the example does to the tally.
  natsDescription: `${DESCRIPTION} On a shared NATS server everyone who runs this example counts into the same bucket: a standard (at-most-once) handler on another machine handles each message too and doubles its count, where at-least-once handlers of the same name share one consumer group across machines, so one of them takes each message; and exactly-once resumes from the offset committed by whoever ran it last, so a run cut short (the server away) leaves messages the next run reads again.`,
  tags: ['messaging', 'proposal', 'faults'],
  guests: [
    { name: 'at-most-once', lang: 'wat', wit: atMostOnceWit, source: atMostOnceWat, subscriptions: ['deliveries'], faults: flakyIncrements },
    { name: 'at-least-once', lang: 'wat', wit: atLeastOnceWit, source: atLeastOnceWat, subscriptions: ['deliveries'], faults: flakyIncrements },
    {
      name: 'producer', lang: 'wat', wit: deliveryProducerWit, source: deliveryProducerWat, call: 'run',
      faults: { seed: 22, dropProbability: 0.2, duplicateProbability: 0.2 },
    },
    {
      name: 'exactly-once', lang: 'wat', wit: exactlyOnceWit, source: exactlyOnceWat, call: 'run',
      faults: { calls: [{ iface: 'proposal:messaging-ext/offsets', fn: '[method]consumer.commit', nth: 4 }] },
    },
    { name: 'tally', lang: 'wat', wit: deliveryTallyWit, source: deliveryTallyWat, call: 'run' },
  ],
};
