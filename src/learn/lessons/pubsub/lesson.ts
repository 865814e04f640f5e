import type { Lesson } from '../../lessonTypes';
import listener from './listener.js?raw';
import listenerWit from './listener.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const pubsubLesson: Lesson = {
  id: 'pubsub-wildcards',
  title: 'Publish/subscribe with wildcards',
  text: `\`wasi:messaging\` splits sending from receiving. A producer calls \`send(client, topic, message)\`; a handler component **exports** \`incoming-handler.handle(message)\` and the host calls it for every message on the topics it is subscribed to. Subscriptions are host configuration, not code, so the same component can serve different topics.

Topics are dot-separated: \`orders.eu.created\`. In a subscription, \`*\` matches exactly one segment and \`>\` (last) matches one or more (NATS style):
- \`orders.*\` matches \`orders.created\`, not \`orders.eu.created\`
- \`orders.>\` matches both, but not \`orders\`
- \`orders.eu.*\` matches \`orders.eu.created\` only

Every matching subscriber gets its own copy (fan-out). Two listeners are running: **all-orders** on \`orders.>\` and **eu-orders** on \`orders.eu.*\`.`,
  docs: [
    { title: 'wasi-messaging producer/incoming-handler', url: 'https://github.com/WebAssembly/wasi-messaging/blob/main/wit/messaging.wit' },
    { title: 'NATS subject wildcards', url: 'https://docs.nats.io/nats-concepts/subjects#wildcards' },
  ],
  task: 'Change the topics so that **eu-orders** receives exactly one order and **all-orders** receives both.',
  hints: ['`orders.eu` has two segments; `orders.eu.*` needs three.', 'Try `orders.eu.created` for the second order.'],
  guests: [
    { name: 'all-orders', lang: 'js', wit: listenerWit, source: listener, subscriptions: ['orders.>'], fixed: true },
    { name: 'eu-orders', lang: 'js', wit: listenerWit, source: listener, subscriptions: ['orders.eu.*'], fixed: true },
    { name: 'order-service', lang: 'js', wit, source: starter, call: 'run' },
  ],
  solution: { 'order-service': solution },
  check: {
    settleMs: 500,
    expect: [
      { kind: 'messages', action: 'deliver', guest: 'eu-orders', count: 1 },
      { kind: 'messages', action: 'deliver', guest: 'all-orders', count: 2 },
    ],
  },
};
