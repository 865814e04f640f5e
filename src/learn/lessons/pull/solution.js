import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';
import { subscribe } from 'proposal:messaging-ext/receive-timeout@0.1.0';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const client = Client.connect('poller');
  // Only messages published AFTER subscribing arrive.
  const subscription = subscribe(client, 'chat');
  for (const text of ['hi', 'how are you?', 'bye']) send(client, 'chat', new Message(encoder.encode(text)));

  let pulled = 0;
  for (;;) {
    const message = subscription.receive(300); // none after 300 ms of silence
    if (message === undefined) break;
    console.log(`pulled: ${decoder.decode(message.data())}`);
    pulled += 1;
  }
  return pulled;
}
