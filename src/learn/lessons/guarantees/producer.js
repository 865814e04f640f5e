import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

// Ten transfers, each with a sequence number in its metadata. The network
// (fault injection) duplicates some of them on the way.
export function run() {
  const client = Client.connect('bank');
  for (let i = 1; i <= 10; i++) {
    const message = new Message(encoder.encode(`transfer #${i}`));
    message.addMetadata('seq', String(i));
    send(client, 'transfers', message);
  }
  return 10;
}
