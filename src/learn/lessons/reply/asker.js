import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { request, RequestOptions } from 'wasi:messaging/request-reply@0.2.0-draft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const client = Client.connect('asker');
  const options = new RequestOptions();
  options.setTimeoutMs(600); // collect every reply that arrives within 600 ms
  const replies = request(client, 'price', new Message(encoder.encode('teapot')), options);
  for (const r of replies) console.log(`reply: ${decoder.decode(r.data())}`);
  console.log(`${replies.length} replies within 600 ms`);
  return replies.length;
}
