import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const raceLesson: Lesson = {
  id: 'race-across-two-tabs',
  title: 'A race across two tabs: increment and cas',
  text: `Open this lesson in **two tabs** and press Run in both at once: each run adds 50 hits, yet the total ends below 100. Both tabs read the same old value, both add one, both write — one update is lost. The bucket is shared (same IndexedDB), but \`get\` then \`set\` is two separate host calls, and nothing stops another tab from writing in between.

\`wasi:keyvalue/atomics\` is the cure. \`increment(bucket, key, delta)\` does read–add–write as **one** atomic step in the host (here, one IndexedDB transaction, which the browser serialises across tabs and workers). For any other update there is compare-and-swap: \`cas.new(bucket, key)\` remembers the current value, and \`swap(cas, new)\` fails with \`cas-failed\` if someone changed it meanwhile, so you retry.

Check starts your component **twice at the same moment** — two workers, exactly what two tabs do — and counts.`,
  docs: [
    { title: 'wasi-keyvalue atomics.wit', url: 'https://github.com/WebAssembly/wasi-keyvalue/blob/main/wit/atomic.wit' },
    { title: 'Lost update (race condition)', url: 'https://en.wikipedia.org/wiki/Race_condition#Data_race' },
  ],
  task: 'Make the two concurrent runs count all 100 hits: key `hits` must hold `100`.',
  hints: ['`increment` is already imported: `increment(bucket, \'hits\', 1n)` – the delta is an s64, a BigInt.', 'With cas instead: `const c = Cas.new(bucket, \'hits\')`, read `c.current()`, then `swap(c, bytes)` in a loop until it does not throw `cas-failed`.'],
  guests: [{ name: 'hits', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { hits: solution },
  check: {
    copies: 2,
    expect: [{ kind: 'key', bucket: 'counters', key: 'hits', equals: 100 }],
  },
};
