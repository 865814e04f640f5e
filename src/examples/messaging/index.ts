import type { Example } from '../exampleTypes';
import askerWat from './asker.wat?raw';
import askerWit from './asker.wit?raw';
import jobWorkerWat from './jobWorker.wat?raw';
import jobWorkerWit from './jobWorker.wit?raw';
import jobsProducerWat from './jobsProducer.wat?raw';
import jobsProducerWit from './jobsProducer.wit?raw';
import lonelyAskerWat from './lonelyAsker.wat?raw';
import orderLogWat from './orderLog.wat?raw';
import orderLogWit from './orderLog.wit?raw';
import ordersProducerWat from './ordersProducer.wat?raw';
import ordersProducerWit from './ordersProducer.wit?raw';
import shouterWat from './shouter.wat?raw';
import shouterWit from './shouter.wit?raw';
import speakerWat from './speaker.wat?raw';
import speakerWit from './speaker.wit?raw';

/** Messaging examples written in WAT: pub/sub fan-out, a work queue, request-reply and a chat across tabs. */
export const messagingExamples: Example[] = [
  {
    id: 'msg-fan-out',
    title: 'Pub/sub fan-out (two subscribers, wildcard topics)',
    description:
      'The producer sends three order events to orders.created, orders.paid and orders.shipped, each with a JSON body, a content type and metadata. The same order-log component runs twice: "all-orders" subscribed to orders.* and "payments" subscribed to orders.paid. Watch the diagram: every send fans out to each matching subscriber, so orders.paid is delivered twice and the other two once; each delivery is a host → guest handle call followed by an ack, and the handlers print topic, data, content type and metadata.',
    tags: ['messaging'],
    guests: [
      { name: 'all-orders', lang: 'wat', wit: orderLogWit, source: orderLogWat, subscriptions: ['orders.*'] },
      { name: 'payments', lang: 'wat', wit: orderLogWit, source: orderLogWat, subscriptions: ['orders.paid'] },
      { name: 'order-service', lang: 'wat', wit: ordersProducerWit, source: ordersProducerWat, call: 'run' },
    ],
  },
  {
    id: 'msg-work-queue',
    title: 'Work queue (six jobs, two competing workers)',
    description:
      'The producer sends job-1 … job-6 to the topic jobs. Two workers run the same component, both subscribed to queue:jobs, so they compete: each job is delivered to exactly one of them (compare with fan-out, where every subscriber gets a copy). In the trace every job has one deliver and one ack; the console shows which worker took which job. The split varies from run to run because workers claim jobs as they arrive and a busy worker yields to an idle one.',
    tags: ['messaging'],
    guests: [
      { name: 'worker-a', lang: 'wat', wit: jobWorkerWit, source: jobWorkerWat, subscriptions: ['queue:jobs'] },
      { name: 'worker-b', lang: 'wat', wit: jobWorkerWit, source: jobWorkerWat, subscriptions: ['queue:jobs'] },
      { name: 'job-board', lang: 'wat', wit: jobsProducerWit, source: jobsProducerWat, call: 'run' },
    ],
  },
  {
    id: 'msg-request-reply',
    title: 'Request-reply (a responder, a timeout)',
    description:
      'The shouter answers requests on greet with the data upper-cased, using reply on the message it received (the host keeps the requester\'s private _inbox topic inside it). The asker sends "hello, wasi" with request-options timeout 1000 ms and prints the replies; because only a timeout is set, request keeps collecting replies for the full second (set-expected-replies(1) would return at the first one). The lonely asker sends the same request to nobody.home, which no guest serves, and prints the timeout error. In the trace, follow request → deliver → reply → deliver to the inbox.',
    tags: ['messaging'],
    guests: [
      { name: 'shouter', lang: 'wat', wit: shouterWit, source: shouterWat, subscriptions: ['greet'] },
      { name: 'asker', lang: 'wat', wit: askerWit, source: askerWat, call: 'run' },
      { name: 'lonely-asker', lang: 'wat', wit: askerWit, source: lonelyAskerWat, call: 'run' },
    ],
  },
  {
    id: 'msg-two-tabs',
    title: 'Across two tabs (a shared counter, a lobby every tab hears)',
    description:
      'Open this example in a second tab (same address) and press Run in both. The speaker takes a number from the counter chat/speakers, which lives in IndexedDB and is incremented atomically however many tabs run it, then says "hello from speaker #<n>" on chat.lobby. The listener keeps serving after Run, and because messages travel over BroadcastChannel the listener in every open tab prints every hello: after Run in the second tab, the first tab prints speaker #2 too. In the Trace and Diagram tabs, events from the other tab carry an "other tab" badge.',
    natsDescription:
      'Hosts run on a NATS server: everyone who opens this example on the same server and presses Run joins one lobby. The speaker takes a number from the counter chat/speakers, a JetStream key-value bucket on the server incremented atomically however many machines run it, then says "hello from speaker #<n>" on chat.lobby, a subject on the server. The listener keeps serving after Run and prints every hello, from this machine or another (a listener hears what is published while it is connected). In the Trace and Diagram tabs, messages from another machine carry a "from other machine" badge and "via NATS" with the broker\'s delay.',
    tags: ['messaging', 'keyvalue'],
    guests: [
      { name: 'listener', lang: 'wat', wit: orderLogWit, source: orderLogWat, subscriptions: ['chat.lobby'] },
      { name: 'speaker', lang: 'wat', wit: speakerWit, source: speakerWat, call: 'run' },
    ],
  },
];
