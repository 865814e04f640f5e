import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const visitsLesson: Lesson = {
  id: 'keyvalue-get-set',
  title: 'Key-value: buckets, get and set',
  text: `A component instance forgets everything when it ends. State that must outlive a run goes to the host, and \`wasi:keyvalue\` is the simplest way: \`open(identifier)\` gives a **bucket** (a named set of keys), and the bucket resource has \`get\`, \`set\`, \`delete\`, \`exists\` and \`list-keys\`.

Values are bytes (\`list<u8>\`, a \`Uint8Array\` in JavaScript); \`get\` returns \`option<list<u8>>\`, which is \`undefined\` when the key is missing. Here the host keeps buckets in IndexedDB, so they survive reloads and are shared by every tab.

Check runs your component **three times** in a fresh, empty namespace and then looks at what is stored.`,
  docs: [
    { title: 'wasi-keyvalue (store.wit)', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/store.wit' },
    { title: 'wasi-keyvalue README', url: 'https://github.com/WebAssembly/wasi-keyvalue' },
  ],
  task: 'Count visits: each run reads `visits` from bucket `counters`, adds one, stores it back and returns the new count. After three runs the key holds `3`.',
  hints: ['`const stored = bucket.get(\'visits\')` — then `stored === undefined` on the very first run.', 'Decode with `new TextDecoder().decode(stored)` and turn the text into a number with `Number(...)`.'],
  guests: [{ name: 'visits', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { visits: solution },
  check: {
    runs: 3,
    expect: [
      { kind: 'calls', fn: 'get', say: 'the guest never reads the old count: it never called `get`' },
      { kind: 'key', bucket: 'counters', key: 'visits', equals: 3 },
      { kind: 'result', equals: 3 },
    ],
  },
};
