import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  // `open` returns a bucket resource (a JavaScript object with methods).
  const bucket = open('counters');
  // TODO: read "visits" first. `bucket.get(key)` returns a Uint8Array, or undefined
  // when the key does not exist yet. Store the count as decimal text.
  const visits = 1;
  bucket.set('visits', encoder.encode(String(visits)));
  console.log(`visit number ${visits}`);
  return visits;
}
