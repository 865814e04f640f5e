import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const bucket = open('walk');
  for (let i = 0; i < 250; i++) {
    const key = `item-${String(i).padStart(3, '0')}`;
    bucket.set(key, encoder.encode(`value of ${key}`)); // list<u8> is a Uint8Array
  }
  // option<list<u8>>: undefined when the key is missing.
  const one = bucket.get('item-042');
  console.log(`item-042 = ${one ? decoder.decode(one) : '(missing)'}`);

  // key-response is a record { keys, cursor }; an undefined cursor means the last page.
  let cursor;
  let keys = 0;
  let pages = 0;
  do {
    const page = bucket.listKeys(cursor);
    keys += page.keys.length;
    pages += 1;
    console.log(`page ${pages}: ${page.keys.length} keys, first ${page.keys[0]}`);
    cursor = page.cursor;
  } while (cursor !== undefined);
  // A tuple is a JavaScript array.
  return [keys, pages, one ? one.length : 0];
}
