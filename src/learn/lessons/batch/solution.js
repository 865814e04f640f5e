import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { setMany } from 'wasi:keyvalue/batch@0.2.0-draft2';

const encoder = new TextEncoder();
const key = (i) => `item-${String(i).padStart(3, '0')}`;

export function run() {
  const bucket = open('inventory');
  // One host call for all items: a list of [key, value] tuples.
  const pairs = [];
  for (let i = 0; i < 250; i++) pairs.push([key(i), encoder.encode('1')]);
  setMany(bucket, pairs);

  // Follow the cursor until the last page.
  let listed = 0;
  let cursor = undefined;
  do {
    const page = bucket.listKeys(cursor);
    listed += page.keys.length;
    cursor = page.cursor;
  } while (cursor !== undefined);
  console.log(`listed ${listed} keys`);
  return listed;
}
