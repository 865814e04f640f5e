import type { Lesson } from '../../lessonTypes';
import sensor from './sensor.js?raw';
import sensorWit from './sensor.wit?raw';
import solution from './solution.js?raw';
import starter from './starter.js?raw';
import wit from './world.wit?raw';

export const offsetsLesson: Lesson = {
  id: 'proposal-offsets-replay',
  title: 'Proposal: offsets and replay',
  text: `Pub/sub forgets: a message sent while nobody listens is gone. Kafka-style logs keep every message at an **offset** (0, 1, 2, …) and let each consumer choose where to start. Kafka users asked for this in the 2022 debate; the standard did not take it. This playground ships it as \`proposal:messaging-ext/offsets\`: \`subscribe-from(client, topic, offset)\` returns a **consumer**; \`receive(timeout-ms)\` gives \`(offset, message)\` or none on timeout; \`commit(offset)\` stores where a consumer group (here: the guest's name) resumes, and \`subscribe-from\` with offset 18446744073709551615 (u64 max) starts there.

The host appends every \`send\` to a per-topic log in IndexedDB. The **sensor** publishes five readings and exits before the **dashboard** (yours) starts.`,
  docs: [
    { title: 'Kafka: consumer offsets', url: 'https://kafka.apache.org/documentation/#design_consumerposition' },
    { title: 'WASI meeting of 1 Dec 2022 (notes)', url: 'https://github.com/WebAssembly/meetings/blob/main/wasi/2022/WASI-12-01.md' },
  ],
  task: 'Replay all five readings from offset 0, return how many you read, and `commit` your position.',
  hints: ['Offsets are u64, so BigInts: `subscribeFrom(client, \'sensors.temp\', 0n)`.', 'Commit the next offset to read: `consumer.commit(offset + 1n)`.'],
  guests: [
    { name: 'sensor', lang: 'js', wit: sensorWit, source: sensor, call: 'run', fixed: true },
    { name: 'dashboard', lang: 'js', wit, source: starter, call: 'run' },
  ],
  solution: { dashboard: solution },
  check: {
    expect: [
      { kind: 'topicLog', topic: 'sensors.temp', count: 5 },
      { kind: 'result', guest: 'dashboard', equals: 5 },
      { kind: 'calls', guest: 'dashboard', fn: 'commit', min: 1, say: 'the dashboard never called `commit`: a restart would replay everything again' },
    ],
  },
};
