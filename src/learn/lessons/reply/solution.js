import { Message } from 'wasi:messaging/types@0.2.0-draft';
import { reply } from 'wasi:messaging/request-reply@0.2.0-draft';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const incomingHandler = {
  handle(request) {
    const item = decoder.decode(request.data());
    console.log(`asked for the price of ${item}`);
    // reply takes the request: the host keeps the asker's inbox inside it.
    reply(request, new Message(encoder.encode('shop-a: 24.90')));
  },
};
