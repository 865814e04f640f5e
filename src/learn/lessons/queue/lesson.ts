import type { Lesson } from '../../lessonTypes';
import board from './board.js?raw';
import boardWit from './board.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const queueLesson: Lesson = {
  id: 'work-queues',
  title: 'Work queues: competing consumers',
  text: `Fan-out gives every subscriber a copy. For work that must be done **once**, subscribers form a **work queue** (NATS calls it a queue group): here the subscription \`queue:jobs\`. Every subscriber with the same queue subscription competes, and each message is delivered to exactly one of them. Add workers and the jobs spread out.

Two workers run your handler code: **worker-a** and **worker-b**, both subscribed to \`queue:jobs\`. The **job-board** sends six jobs. Watch the Diagram: each job has one \`deliver\`. Which worker takes a job varies from run to run; what must not vary is that every job is counted once.`,
  docs: [
    { title: 'NATS queue groups', url: 'https://docs.nats.io/nats-concepts/core-nats/queue' },
    { title: 'wasi-messaging', url: 'https://github.com/WebAssembly/wasi-messaging' },
  ],
  task: 'Make the workers count each finished job exactly once: `increment` once per message, so key `done` in bucket `jobs` ends at `6`.',
  hints: ['Count the job when it is finished, not when it starts as well.'],
  guests: [
    { name: 'worker-a', lang: 'js', wit, source: starter, subscriptions: ['queue:jobs'] },
    { name: 'worker-b', lang: 'js', wit, source: starter, subscriptions: ['queue:jobs'], sameCodeAs: 'worker-a' },
    { name: 'job-board', lang: 'js', wit: boardWit, source: board, call: 'run', fixed: true },
  ],
  solution: { 'worker-a': solution },
  check: {
    settleMs: 800,
    expect: [
      { kind: 'messages', action: 'deliver', topic: 'jobs', count: 6, say: 'the six jobs were not each delivered once: are both workers on `queue:jobs`?' },
      { kind: 'calls', fn: 'increment', perDelivery: 1 },
      { kind: 'key', bucket: 'jobs', key: 'done', equals: 6 },
    ],
  },
};
