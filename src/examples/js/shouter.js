import { Message } from 'wasi:messaging/types@0.2.0-draft';
import { reply } from 'wasi:messaging/request-reply@0.2.0-draft';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const incomingHandler = {
  handle(request) {
    const text = decoder.decode(request.data());
    console.log(`request on ${request.topic()}: ${text}`);
    // reply needs the received message: the host keeps the requester's inbox inside it.
    reply(request, new Message(encoder.encode(text.toUpperCase())));
  },
};
