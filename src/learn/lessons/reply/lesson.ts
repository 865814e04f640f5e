import type { Lesson } from '../../lessonTypes';
import asker from './asker.js?raw';
import askerWit from './asker.wit?raw';
import other from './other.js?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const replyLesson: Lesson = {
  id: 'request-reply',
  title: 'Request-reply: several replies and a timeout',
  text: `\`wasi:messaging/request-reply\` adds a conversation on top of pub/sub. \`request(client, topic, message, options)\` publishes the message with a private reply inbox and **waits**; \`options.set-timeout-ms\` says how long. Everything that arrives in time comes back as a \`list<message>\` — there may be several responders. If not a single reply arrives in time, \`request\` fails with \`timeout\`: a messaging system cannot tell "nobody is there" from "nobody answered yet".

A responder is a normal handler that calls \`reply(request, message)\`. It needs the received request because the host keeps the asker's inbox inside it.

Here the **asker** asks topic \`price\` with a 3 s timeout; **shop-b** already answers. You are **shop-a**.`,
  docs: [
    { title: 'wasi-messaging request-reply.wit', url: 'https://github.com/WebAssembly/wasi-messaging/blob/main/wit/request-reply.wit' },
    { title: 'NATS request-reply', url: 'https://docs.nats.io/nats-concepts/core-nats/reqreply' },
  ],
  task: 'Make shop-a answer every request with `shop-a: 24.90`, so the asker collects 2 replies before its timeout.',
  hints: ['`reply(request, new Message(encoder.encode(\'shop-a: 24.90\')))`'],
  guests: [
    { name: 'shop-a', lang: 'js', wit, source: starter, subscriptions: ['price'] },
    { name: 'shop-b', lang: 'js', wit, source: other, subscriptions: ['price'], fixed: true },
    { name: 'asker', lang: 'js', wit: askerWit, source: asker, call: 'run', fixed: true },
  ],
  solution: { 'shop-a': solution },
  check: {
    expect: [
      { kind: 'calls', guest: 'shop-a', fn: 'reply', perDelivery: 1 },
      { kind: 'result', guest: 'asker', equals: 2 },
    ],
  },
};
