// Resources are classes: `static` functions are static methods, `constructor` is `new`.
import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();
const events = [
  ['orders.created', { order: 1001, item: 'teapot', qty: 1 }],
  ['orders.paid', { order: 1001, amount: '24.90', currency: 'EUR' }],
  ['orders.shipped', { order: 1001, carrier: 'DHL' }],
];

export function run() {
  const client = Client.connect('orders-app');
  let sent = 0;
  for (const [topic, body] of events) {
    const message = new Message(encoder.encode(JSON.stringify(body)));
    message.setContentType('application/json');
    message.addMetadata('order-id', String(body.order));
    message.addMetadata('source', 'web-shop');
    try {
      send(client, topic, message); // the message is moved to the host
      sent += 1;
      console.log(`sent ${topic}`);
    } catch (err) {
      // A WIT error variant arrives as err.payload: { tag, val }.
      console.log(`send failed on ${topic}: ${JSON.stringify(err.payload)}`);
    }
  }
  return sent;
}
