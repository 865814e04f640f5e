import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const batchLesson: Lesson = {
  id: 'batch-and-cursors',
  title: 'Batches and listing keys with cursors',
  text: `Every host call crosses the component boundary and, here, an IndexedDB transaction. Writing 250 items with 250 \`set\` calls works, but \`wasi:keyvalue/batch\` does it in one: \`set-many(bucket, list<tuple<string, list<u8>>>)\` (and \`get-many\`, \`delete-many\`). In JavaScript a WIT tuple is an array, so the argument is \`[[key, bytes], …]\`.

Listing is paged: \`list-keys(cursor)\` returns a \`key-response\` record \`{ keys, cursor }\`. This host returns at most 100 keys per page; \`cursor\` is \`none\` (\`undefined\`) on the last page, otherwise you pass it back to get the next page. A store is free to choose the page size, so code that reads one page is a bug waiting for more data.`,
  docs: [
    { title: 'wasi-keyvalue batch.wit', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/batch.wit' },
    { title: 'wasi-keyvalue store.wit (list-keys)', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/store.wit' },
  ],
  task: 'Write the 250 items with a single `set-many`, and return the number of keys in the bucket by following `list-keys` cursors to the end (250).',
  hints: ['Build `const pairs = []` of `[key, encoder.encode(\'1\')]` and call `setMany(bucket, pairs)` once.', 'Loop: `do { const page = bucket.listKeys(cursor); … cursor = page.cursor; } while (cursor !== undefined)`.'],
  guests: [{ name: 'inventory', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { inventory: solution },
  check: {
    expect: [
      { kind: 'calls', fn: 'set-many', count: 1 },
      { kind: 'calls', fn: 'set', max: 0, say: 'each item is still written with its own `set` call: write them all with one `set-many`' },
      { kind: 'keys', bucket: 'inventory', count: 250 },
      { kind: 'calls', fn: 'list-keys', min: 3, say: '`list-keys` was called only once: follow `cursor` until it is `undefined` (250 keys are 3 pages)' },
      { kind: 'result', equals: 250 },
    ],
  },
};
