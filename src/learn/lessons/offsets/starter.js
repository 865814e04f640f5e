import { Client } from 'wasi:messaging/types@0.2.0-draft';
import { subscribeFrom } from 'proposal:messaging-ext/offsets@0.1.0';

const decoder = new TextDecoder();

export function run() {
  const client = Client.connect('dashboard');
  // TODO: replay the whole log, starting at the oldest retained message.
  const consumer = subscribeFrom(client, 'sensors.temp', 3n);
  let count = 0;
  for (;;) {
    // [offset, message], or undefined when nothing arrives within 200 ms.
    const next = consumer.receive(200);
    if (next === undefined) break;
    const [offset, message] = next;
    console.log(`offset ${offset}: ${decoder.decode(message.data())}`);
    count += 1;
    // TODO: remember how far you got (commit the offset to resume from)
  }
  return count;
}
