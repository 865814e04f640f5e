import { Message } from 'wasi:messaging/types@0.2.0-draft';
import { reply } from 'wasi:messaging/request-reply@0.2.0-draft';

const encoder = new TextEncoder();

// Another shop answering the same requests.
export const incomingHandler = {
  handle(request) {
    reply(request, new Message(encoder.encode('shop-b: 27.50')));
  },
};
