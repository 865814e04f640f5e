/** A lesson as a teacher writes it: a lesson file's sample, and the sample lesson link. Test-only. */
export const handWritten = {
  format: 'wcp-lesson/1',
  id: 'my-first-lesson',
  title: 'Return 42',
  text: 'A teacher wrote this.',
  task: 'Return `42`.',
  hints: ['The answer to everything.'],
  guests: [{ name: 'answer', lang: 'wat', wit: 'package t:a;\nworld a { export run: func() -> u32; }', source: '(module (func (export "run") (result i32) (i32.const 0)))', call: 'run' }],
  solution: { answer: '(module (func (export "run") (result i32) (i32.const 42)))' },
  check: { expect: [{ kind: 'result', equals: 42 }] },
};
