import type { Lesson } from '../../lessonTypes';
import listener from './listener.js?raw';
import listenerWit from './listener.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const cloudEventsLesson: Lesson = {
  id: 'cloudevents-metadata',
  title: 'Message metadata and CloudEvents',
  text: `A message is more than bytes. The \`message\` resource of \`wasi:messaging/types\` carries a **content type** (\`set-content-type\`, e.g. \`application/json\`) and **metadata**, a list of key/value pairs (\`add-metadata\`). The 2022 debate asked whether messages should simply *be* CloudEvents; the standard kept its own type, and hosts map it.

This host wraps every message in a CloudEvents 1.0 envelope: \`id\`, \`source\` (tab and guest), \`type\`, \`specversion\`, \`subject\` (the topic), \`time\`; the content type becomes \`datacontenttype\`, and each metadata key becomes an extension attribute (lower-case letters and digits: \`order-id\` → \`orderid\`). Select a message in the Trace and open the Inspector to see the envelope.`,
  docs: [
    { title: 'wasi-messaging types.wit (message)', url: 'https://github.com/WebAssembly/wasi-messaging/blob/main/wit/types.wit' },
    { title: 'CloudEvents 1.0 spec', url: 'https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md' },
  ],
  task: 'Send the order as `application/json` with metadata `order-id` = `1001`, so its envelope has `datacontenttype` and the `orderid` extension.',
  hints: ['`message.setContentType(\'application/json\')`', '`message.addMetadata(\'order-id\', \'1001\')` – metadata values are strings.'],
  guests: [
    { name: 'audit-log', lang: 'js', wit: listenerWit, source: listener, subscriptions: ['orders.>'], fixed: true },
    { name: 'shop', lang: 'js', wit, source: starter, call: 'run' },
  ],
  solution: { shop: solution },
  check: {
    expect: [
      { kind: 'messages', action: 'send', topic: 'orders.created', count: 1 },
      { kind: 'messages', action: 'send', topic: 'orders.created', envelope: { datacontenttype: 'application/json' }, count: 1 },
      { kind: 'messages', action: 'send', topic: 'orders.created', envelope: { orderid: '1001' }, count: 1 },
      { kind: 'stdout', guest: 'audit-log', includes: 'order-id=1001' },
    ],
  },
};
