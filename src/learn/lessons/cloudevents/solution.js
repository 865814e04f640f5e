import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

export function run() {
  const client = Client.connect('web-shop');
  const order = { order: 1001, item: 'teapot' };
  const message = new Message(encoder.encode(JSON.stringify(order)));
  message.setContentType('application/json');
  message.addMetadata('order-id', String(order.order));
  send(client, 'orders.created', message);
  return 1;
}
