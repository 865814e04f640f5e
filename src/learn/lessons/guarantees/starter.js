import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const incomingHandler = {
  handle(message) {
    const seq = (message.metadata() ?? []).find(([key]) => key === 'seq')?.[1];
    const ledger = open('ledger');
    // TODO: a duplicate of a transfer you already booked must not count again.
    increment(ledger, 'booked', 1n);
    console.log(`booked ${decoder.decode(message.data())} (seq ${seq})`);
  },
};
