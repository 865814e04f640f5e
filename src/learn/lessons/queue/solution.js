import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

const decoder = new TextDecoder();

export const incomingHandler = {
  handle(message) {
    const job = decoder.decode(message.data());
    const jobs = open('jobs');
    console.log(`working on ${job}`);
    increment(jobs, 'done', 1n); // finished
  },
};
