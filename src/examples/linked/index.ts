import type { Example } from '../exampleTypes';
import kvNamespaceWat from './kvNamespace.wat?raw';
import kvNamespaceWit from './kvNamespace.wit?raw';
import notesAppWat from './notesApp.wat?raw';
import notesAppWit from './notesApp.wit?raw';

/** Guests linked to guests: one guest's import served by another guest's export. */
export const linkedExamples: Example[] = [
  {
    id: 'kv-namespace-middleware',
    title: 'Key-value middleware: a guest in front of the host',
    description:
      'Two components linked at run time. "notes" imports wasi:keyvalue/store and knows nothing else; "kv-namespace" imports the same interface from the IndexedDB host and exports it, storing every key as "tenant-a/<key>" and listing only its own keys. Because a guest of the workspace exports what notes imports, the playground serves notes\' import with kv-namespace (Hosts tab: "served by"), both running in notes\' worker. The trace shows each call twice: notes → kv-namespace with "greeting", then kv-namespace → store with "tenant-a/greeting"; the diagram draws the chain.',
    tags: ['keyvalue', 'linking'],
    guests: [
      { name: 'kv-namespace', lang: 'wat', wit: kvNamespaceWit, source: kvNamespaceWat },
      { name: 'notes', lang: 'wat', wit: notesAppWit, source: notesAppWat, call: 'run' },
    ],
  },
];
