import type { Lesson } from '../../lessonTypes';
import solution from './solution.wat?raw';
import starter from './starter.wat?raw';
import wit from './world.wit?raw';

export const abiLesson: Lesson = {
  id: 'wit-types-canonical-abi',
  title: 'WIT types and the canonical ABI (WAT)',
  text: `Below JavaScript, every component is a *core* WebAssembly module that only knows numbers (\`i32\`, \`i64\`, \`f32\`, \`f64\`). The **canonical ABI** says how each WIT type becomes numbers and bytes: a \`u32\` is one \`i32\`; a \`string\` is a **pointer and a length** into the module's exported \`memory\` (UTF-8 bytes); a \`list<T>\` likewise; records and tuples are laid out field by field.

A core function may return only one value, so \`run: func() -> string\` returns the *address of a return area* where it stored the pointer (bytes 0–3) and the length (bytes 4–7). The host reads the bytes there and hands the caller a real string.

This guest is written in WAT, the text form of a core module. The memory already holds \`wasm components speak WIT\` at address 16.`,
  docs: [
    { title: 'Canonical ABI explainer', url: 'https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md' },
    { title: 'WIT types', url: 'https://component-model.bytecodealliance.org/design/wit.html#built-in-types' },
  ],
  task: 'Make `run` return the string `"components"` by changing only the pointer and the length in the return area.',
  hints: ['"wasm " is 5 bytes, so "components" starts at 16 + 5.', '"components" is 10 bytes long; the length is a count of bytes, not an end address.'],
  guests: [{ name: 'abi', lang: 'wat', wit, source: starter, call: 'run' }],
  solution: { abi: solution },
  check: { expect: [{ kind: 'result', equals: 'components' }] },
};
