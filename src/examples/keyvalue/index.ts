import type { Example } from '../exampleTypes';
import bucketWalkWat from './bucketWalk.wat?raw';
import bucketWalkWit from './bucketWalk.wit?raw';
import counterWat from './counter.wat?raw';
import counterWit from './counter.wit?raw';
import counterDraftWat from './counterDraft.wat?raw';
import counterDraftWit from './counterDraft.wit?raw';

/** Key-value examples written in WAT against the canonical ABI. */
export const keyvalueExamples: Example[] = [
  {
    id: 'kv-counter',
    title: 'Counter (keyvalue draft2, atomic increment)',
    description:
      'Opens bucket "counters" and atomically increments "visits". Run it again (or in two tabs at once): the count survives reloads because the host stores it in IndexedDB, and increments from several tabs never get lost.',
    tags: ['keyvalue'],
    guests: [{ name: 'counter', lang: 'wat', wit: counterWit, source: counterWat, call: 'run' }],
  },
  {
    id: 'kv-counter-draft',
    title: 'Counter on 0.2.0-draft (what wasmtime ships)',
    description:
      'The same counter against wasi:keyvalue@0.2.0-draft: u64 increment instead of s64, numeric list cursor, no cas. Both versions share the store, so it counts the same "visits" key as the draft2 example, yet the two packages are not link-compatible.',
    tags: ['keyvalue'],
    guests: [{ name: 'counter-draft', lang: 'wat', wit: counterDraftWit, source: counterDraftWat, call: 'run' }],
  },
  {
    id: 'kv-bucket-walk',
    title: 'Bucket walk (set, get, list-keys paging)',
    description:
      'Writes 250 keys, reads one back, then lists the bucket page by page by following the opaque cursor. The trace shows each list-keys call with the cursor it passed.',
    tags: ['keyvalue'],
    guests: [{ name: 'walker', lang: 'wat', wit: bucketWalkWit, source: bucketWalkWat, call: 'run' }],
  },
];
