import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { request, RequestOptions } from 'wasi:messaging/request-reply@0.2.0-draft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const client = Client.connect('asker');
  const options = new RequestOptions();
  // The first reply ends the wait; the timeout is only for a responder that never answers
  // (3 s: a projector laptop building in another tab can take over 1 s to reply).
  options.setExpectedReplies(1);
  options.setTimeoutMs(3000);
  console.log('asking greet: hello, wasi');
  try {
    // request blocks (the host suspends the guest via JSPI) until the reply or the timeout.
    const replies = request(client, 'greet', new Message(encoder.encode('hello, wasi')), options);
    for (const r of replies) console.log(`reply: ${decoder.decode(r.data())}`);
    console.log(`replies (expected 1, within 3000 ms): ${replies.length}`);
    return replies.length;
  } catch (err) {
    console.log(`request to greet failed: ${JSON.stringify(err.payload)}`);
    return 0;
  }
}
