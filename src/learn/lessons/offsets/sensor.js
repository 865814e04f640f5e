import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';
import { subscribeFrom } from 'proposal:messaging-ext/offsets@0.1.0';

const encoder = new TextEncoder();

// Publishes five readings while nobody listens, then exits.
export function run() {
  const client = Client.connect('sensor');
  for (let i = 1; i <= 5; i++) send(client, 'sensors.temp', new Message(encoder.encode(`${20 + i}.0 °C`)));
  // The host appends sends to the log in the background; reading them back before
  // exiting makes sure all five are stored when this worker ends.
  const check = subscribeFrom(client, 'sensors.temp', 0n);
  for (let i = 0; i < 5; i++) if (check.receive(2000) === undefined) break;
  return 5;
}
