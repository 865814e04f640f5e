import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const bucket = open('counters');
  for (let i = 0; i < 50; i++) {
    // Read, add one, write back: fine alone, but another tab can write
    // between our get and our set – and then one of the two hits is lost.
    const stored = bucket.get('hits');
    const hits = (stored === undefined ? 0 : Number(decoder.decode(stored))) + 1;
    bucket.set('hits', encoder.encode(String(hits)));
  }
  return 50;
}
