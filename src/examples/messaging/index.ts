import type { Example } from '../exampleTypes';
import orderLogWat from './orderLog.wat?raw';
import orderLogWit from './orderLog.wit?raw';
import ordersProducerWat from './ordersProducer.wat?raw';
import ordersProducerWit from './ordersProducer.wit?raw';

/** Messaging examples written in WAT: pub/sub fan-out, a work queue and request-reply. */
export const messagingExamples: Example[] = [
  {
    id: 'msg-fan-out',
    title: 'Pub/sub fan-out (two subscribers, wildcard topics)',
    description:
      'The producer sends three order events to orders.created, orders.paid and orders.shipped. The same order-log component runs twice: "all-orders" subscribed to orders.* and "payments" subscribed to orders.paid. Watch the diagram: every send fans out to each matching subscriber, so orders.paid is delivered twice and the other two once; each handler prints topic, data, content type and metadata.',
    tags: ['messaging'],
    guests: [
      { name: 'all-orders', lang: 'wat', wit: orderLogWit, source: orderLogWat, subscriptions: ['orders.*'] },
      { name: 'payments', lang: 'wat', wit: orderLogWit, source: orderLogWat, subscriptions: ['orders.paid'] },
      { name: 'order-service', lang: 'wat', wit: ordersProducerWit, source: ordersProducerWat, call: 'run' },
    ],
  },
];
