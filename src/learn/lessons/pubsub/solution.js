import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

export function run() {
  const client = Client.connect('orders-app');
  for (const topic of ['orders.created', 'orders.eu.created']) {
    send(client, topic, new Message(encoder.encode(`order on ${topic}`)));
  }
  return 2;
}
