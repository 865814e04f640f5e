import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const helloLesson: Lesson = {
  id: 'component-and-world',
  title: 'A component and its world',
  text: `A **component** is a WebAssembly module wrapped with a typed contract. The contract is a **world**, written in WIT: the functions the component *imports* (what it needs from the host) and *exports* (what others can call).

The WIT editor declares \`world hello\` with one export, \`run: func() -> string\`. Your JavaScript becomes the component's code: the playground compiles it with componentize-js and checks that it really exports \`run\` with that signature. The host (this page) then calls it in a worker.

Press **Run** to see what the starter prints and returns (Console tab), then **Check** to have the lesson judge it.`,
  docs: [
    { title: 'The WIT format (component model)', url: 'https://component-model.bytecodealliance.org/design/wit.html' },
    { title: 'Worlds', url: 'https://component-model.bytecodealliance.org/design/worlds.html' },
  ],
  task: 'Make `run` print `hello from a component` and return `"hello, wasi"`.',
  hints: ['`console.log(...)` in the guest goes to the component\'s stdout, which the Console tab shows.', 'The value you `return` from `run` is lifted into a WIT `string` by the generated bindings.'],
  guests: [{ name: 'hello', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { hello: solution },
  check: {
    expect: [
      { kind: 'stdout', includes: 'hello from a component' },
      { kind: 'result', equals: 'hello, wasi' },
    ],
  },
};
