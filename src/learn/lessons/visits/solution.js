import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  // `open` returns a bucket resource (a JavaScript object with methods).
  const bucket = open('counters');
  const stored = bucket.get('visits');
  const visits = (stored === undefined ? 0 : Number(decoder.decode(stored))) + 1;
  bucket.set('visits', encoder.encode(String(visits)));
  console.log(`visit number ${visits}`);
  return visits;
}
