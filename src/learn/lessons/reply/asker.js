import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { request, RequestOptions } from 'wasi:messaging/request-reply@0.2.0-draft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const client = Client.connect('asker');
  const options = new RequestOptions();
  options.setTimeoutMs(3000); // collect every reply that arrives within 3 s
  try {
    const replies = request(client, 'price', new Message(encoder.encode('teapot')), options);
    for (const r of replies) console.log(`reply: ${decoder.decode(r.data())}`);
    console.log(`${replies.length} replies within 3 s`);
    return replies.length;
  } catch (err) {
    // err(timeout) when not a single reply came back in time.
    console.log(`no reply: ${JSON.stringify(err.payload)}`);
    return 0;
  }
}
