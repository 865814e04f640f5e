import type { Lesson } from '../../lessonTypes';
import clerk from './clerk.js?raw';
import clerkWit from './clerk.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const watcherLesson: Lesson = {
  id: 'keyvalue-watcher',
  title: 'Watching a bucket',
  text: `Polling a bucket for changes wastes calls. The draft \`wasi:keyvalue/watcher\` interface turns it around: a component **exports** \`on-set(bucket, key, value)\` and \`on-delete(bucket, key)\`, and the host calls them whenever a watched bucket changes. It is the \`watch-service\` world. Which buckets are watched is host configuration, like a message handler's subscriptions (here: \`inventory\`).

The host announces committed changes to every worker and tab (BroadcastChannel), but never a guest's own writes, so a watcher that writes cannot loop. The **clerk** guest (second tab) sets two keys and deletes one.`,
  docs: [
    { title: 'wasi-keyvalue watch.wit', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/watch.wit' },
    { title: 'wasi-keyvalue world.wit (watch-service)', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/world.wit' },
  ],
  task: 'Keep an audit: for every change the clerk makes, increment `sets` or `deletes` in bucket `audit` (2 sets, 1 delete).',
  hints: ['`increment(open(\'audit\'), \'sets\', 1n)` inside `onSet`.', 'Every function of an exported interface must be there, even if it does nothing: `onDelete` already is; make it count.'],
  guests: [
    { name: 'auditor', lang: 'js', wit, source: starter, buckets: ['inventory', 'audit'] },
    { name: 'clerk', lang: 'js', wit: clerkWit, source: clerk, call: 'run', fixed: true },
  ],
  solution: { auditor: solution },
  check: {
    settleMs: 800,
    expect: [
      { kind: 'key', bucket: 'audit', key: 'sets', equals: 2 },
      { kind: 'key', bucket: 'audit', key: 'deletes', equals: 1, say: 'the delete of `pears` was never counted: `onDelete` must increment `deletes`' },
    ],
  },
};
