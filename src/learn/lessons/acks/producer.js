import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

export function run() {
  const client = Client.connect('payer');
  for (let i = 1; i <= 8; i++) send(client, 'payments', new Message(encoder.encode(`payment-${i}`)));
  return 8;
}
