// wasmCloud's consumer: request(subject, body, timeoutMs) and publish(brokerMessage).
import { request, publish } from 'wasmcloud:messaging/consumer@0.2.0';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Run: a wasmCloud request, answered by the WASI shouter (wasi:messaging incoming-handler).
export function run() {
  console.log('wasmCloud asks greet: hello from wasmcloud');
  try {
    // result<broker-message, string>: the reply is returned, an error string is thrown (err.payload).
    const reply = request('greet', encoder.encode('hello from wasmcloud'), 5000);
    const text = decoder.decode(reply.body);
    console.log(`wasmCloud got reply: ${text}`);
    return text;
  } catch (err) {
    // An uncaught error would abort the JS engine, and the handler below could not run any more.
    console.log(`wasmCloud request failed: ${err.payload}`);
    return `error: ${err.payload}`;
  }
}

// The exported wasmCloud handler: WASI requests on wc.echo arrive as broker-message records.
export const handler = {
  handleMessage(msg) {
    const text = decoder.decode(msg.body);
    console.log(`wasmCloud handler got ${msg.subject}: ${text}`);
    // Answering a request = publishing to its reply-to inbox.
    if (msg.replyTo) publish({ subject: msg.replyTo, body: encoder.encode(`echo: ${text}`) });
  },
};
