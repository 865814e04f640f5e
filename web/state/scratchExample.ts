import type { Example } from '../../src/index';

/**
 * The blank workspace offered even when no examples are registered: the smallest WAT
 * component that builds and returns a value, so Run works on first load.
 */
export const scratchExample: Example = {
  id: 'scratch',
  title: 'Scratch',
  description: 'A blank workspace: one WAT guest exporting `run`. Import wasi:keyvalue, wasi:messaging or wasi:blobstore in the WIT and call them from the guest.',
  tags: [],
  guests: [
    {
      name: 'guest-1',
      lang: 'wat',
      call: 'run',
      wit: `package local:app;

world app {
  export run: func() -> u32;
}
`,
      source: `(module
  ;; world-level export "run": func() -> u32
  (func (export "run") (result i32)
    i32.const 1
    i32.const 2
    i32.add))
`,
    },
  ],
};
