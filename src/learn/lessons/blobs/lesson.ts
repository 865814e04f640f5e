import type { Lesson } from '../../lessonTypes';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const blobsLesson: Lesson = {
  id: 'blobstore-streams-ranges',
  title: 'Blobs: streams and get-data ranges',
  text: `\`wasi:blobstore\` stores objects (blobs) in **containers**. Blobs can be large, so bytes move through \`wasi:io\` **streams** instead of one big list: to write, create an \`outgoing-value\`, take its output-stream with \`outgoing-value-write-body\`, write, then \`write-data(name, value)\` and \`finish\`. To read, \`get-data(name, start, end)\` returns an \`incoming-value\`, consumed at once (\`incoming-value-consume-sync\`) or as an input-stream.

The range in \`get-data\` is **inclusive at both ends**: \`get-data(name, 0, 4)\` is five bytes. An end past the object is clamped; a start past it is an error. Whether that is the right design was one of the 2022 questions (wasi-blobstore issue #31).`,
  docs: [
    { title: 'wasi-blobstore container.wit', url: 'https://github.com/WebAssembly/wasi-blobstore/blob/main/wit/container.wit' },
    { title: 'wasi-blobstore types.wit', url: 'https://github.com/WebAssembly/wasi-blobstore/blob/main/wit/types.wit' },
    { title: 'wasi-io streams', url: 'https://github.com/WebAssembly/wasi-io/blob/main/wit/streams.wit' },
  ],
  task: 'Read back exactly `world` from `greeting.txt` with one `get-data` call and return it.',
  hints: ['"hello " is 6 bytes, so "world" starts at offset 6.', 'The end offset is the last byte you want, not one past it.'],
  guests: [{ name: 'ranger', lang: 'js', wit, source: starter, call: 'run' }],
  solution: { ranger: solution },
  check: {
    expect: [
      { kind: 'blob', container: 'notes', name: 'greeting.txt', equals: 'hello world, from a component' },
      { kind: 'calls', fn: 'get-data', min: 1 },
      { kind: 'result', equals: 'world' },
    ],
  },
};
