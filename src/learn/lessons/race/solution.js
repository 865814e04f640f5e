import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

export function run() {
  const bucket = open('counters');
  for (let i = 0; i < 50; i++) {
    // One host call that reads, adds and writes atomically (s64 is a BigInt).
    increment(bucket, 'hits', 1n);
  }
  return 50;
}
