import { Message } from 'wasi:messaging/types@0.2.0-draft';
import { reply } from 'wasi:messaging/request-reply@0.2.0-draft';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const incomingHandler = {
  handle(request) {
    const item = decoder.decode(request.data());
    console.log(`asked for the price of ${item}`);
    // TODO: answer with a message "shop-a: 24.90"
  },
};
