import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

export function run() {
  const client = Client.connect('orders-app');
  // TODO: all-orders listens on "orders.>", eu-orders on "orders.eu.*".
  // Send one order only all-orders hears, and one order both hear.
  for (const topic of ['orders.created', 'orders.eu']) {
    send(client, topic, new Message(encoder.encode(`order on ${topic}`)));
  }
  return 2;
}
