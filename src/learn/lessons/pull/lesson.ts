import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const pullLesson: Lesson = {
  id: 'proposal-receive-timeout',
  title: 'Proposal: receive with a timeout',
  text: `The standard pushes messages into an exported handler. The 2022 draft also had **pull**: \`receive(time-to-live)\` — take the next message, or give up after a timeout. It was dropped; this playground ships it as \`proposal:messaging-ext/receive-timeout\`: \`subscribe(client, topic)\` returns a **subscription** resource, and \`subscription.receive(timeout-ms)\` returns \`option<message>\`: a message, or none when the timeout expires first.

Pull suits a component that runs a loop and decides when it is done, e.g. "drain what is there, then stop". The guest's call is suspended while it waits (JSPI), so the tab stays responsive.`,
  docs: [
    { title: 'wasi-messaging (standard, push)', url: 'https://github.com/WebAssembly/wasi-messaging' },
    { title: 'WASI meeting of 1 Dec 2022 (notes)', url: 'https://github.com/WebAssembly/meetings/blob/main/wasi/2022/WASI-12-01.md' },
  ],
  task: 'Pull every chat message until `receive` times out, and return how many you pulled (3).',
  hints: ['Loop with `for (;;)` and `break` when `receive` returns `undefined`.'],
  guests: [{ name: 'poller', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { poller: solution },
  check: {
    expect: [
      { kind: 'calls', fn: 'receive', min: 4, say: '`receive` was called only once: keep pulling until it times out' },
      { kind: 'result', equals: 3 },
    ],
  },
};
