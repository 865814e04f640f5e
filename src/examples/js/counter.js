// WIT interfaces are ES modules: import functions by their camelCase names.
import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

// The world exports `run`, so this module exports a function named run.
export function run() {
  // result<bucket, error>: the ok value is returned, an error is thrown (err.payload).
  const bucket = open('counters');
  // s64 is a BigInt in JavaScript.
  const visits = increment(bucket, 'visits', 1n);
  console.log(`visit number ${visits}`);
  return visits;
}
