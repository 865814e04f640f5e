import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';
import { ack, nack } from 'proposal:messaging-ext/acks@0.1.0';

const decoder = new TextDecoder();

export const incomingHandler = {
  handle(message) {
    const payment = decoder.decode(message.data());
    try {
      // Fault injection makes some of these increments fail (Faults tab).
      increment(open('ledger'), 'processed', 1n);
      console.log(`booked ${payment}`);
    } catch (err) {
      console.log(`could not book ${payment}: ${JSON.stringify(err.payload)}`);
      // TODO: this payment is lost. Ask the host to deliver it again.
    }
    ack(message);
  },
};
