import type { Example } from '../exampleTypes';
import rangeReadWat from './rangeRead.wat?raw';
import rangeReadWit from './rangeRead.wit?raw';

/** Blobstore examples written in WAT against the canonical ABI. */
export const blobstoreExamples: Example[] = [
  {
    id: 'blob-range-read',
    title: 'Blob range reads (write a stream, read slices)',
    description:
      'Creates container "ranges" (or reuses it on later runs), writes greeting.txt through an outgoing-value and its wasi:io output-stream, then calls get-data three times. The range is inclusive: get-data(name, 6, 10) reads 5 bytes, "world". An end past the object is clamped (12..1000 reads the rest), a start past it fails, and the guest prints the host\'s error string. In the trace, watch write-body, write-data and finish on the way in and get-data → consume-sync on the way out.',
    tags: ['blobstore'],
    guests: [{ name: 'ranger', lang: 'wat', wit: rangeReadWit, source: rangeReadWat, call: 'run' }],
  },
];
