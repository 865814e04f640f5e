import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const rangesLesson: Lesson = {
  id: 'proposal-key-ranges',
  title: 'Proposal: key ranges with an optional end',
  text: `The standard key-value store only lists keys page by page, in no promised order. wasi-keyvalue PR #4 (Nov 2022, never merged) asked for **range queries** over ordered keys, and the 2022 meeting debated whether every store can promise order at all. This playground ships it as \`proposal:keyvalue-range\`: \`get-keys\`, \`get-range\`, \`count-range\` and \`delete-range\` take a \`key-range\` variant:
- \`prefix(p)\`: keys starting with \`p\`
- \`inclusive((a, b))\`: a ≤ key ≤ b; \`interval((a, b))\`: a ≤ key < b
- \`from(a)\`: a ≤ key, **no end** — the optional end Joel Dice suggested

An open end is convenient ("everything after X"), but in one flat bucket "after X" runs into the next table.`,
  docs: [
    { title: 'wasi-keyvalue PR #4 (range requests)', url: 'https://github.com/WebAssembly/wasi-keyvalue/pull/4' },
    { title: 'WASI meeting of 1 Dec 2022 (notes)', url: 'https://github.com/WebAssembly/meetings/blob/main/wasi/2022/WASI-12-01.md' },
  ],
  task: 'Return the number of **log** entries at or after noon (3) — the `from` range also counts the users.',
  hints: ['Give the range an end: `{ tag: \'interval\', val: [start, end] }`.', 'The first key after all `log:…` keys is `log;` (`;` follows `:` in character order).'],
  guests: [{ name: 'tables', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { tables: solution },
  check: {
    expect: [
      { kind: 'calls', fn: 'count-range', min: 1 },
      { kind: 'result', equals: 3 },
    ],
  },
};
