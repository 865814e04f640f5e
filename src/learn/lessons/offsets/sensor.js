import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';
// Not called: importing the offsets proposal is what makes this worker log its sends.
import { subscribeFrom } from 'proposal:messaging-ext/offsets@0.1.0';

const encoder = new TextEncoder();

// Publishes five readings while nobody listens, then exits.
export function run() {
  const client = Client.connect('sensor');
  for (let i = 1; i <= 5; i++) send(client, 'sensors.temp', new Message(encoder.encode(`${20 + i}.0 °C`)));
  return 5;
}
