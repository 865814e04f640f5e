import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { setMany } from 'wasi:keyvalue/batch@0.2.0-draft2';

const encoder = new TextEncoder();
const key = (i) => `item-${String(i).padStart(3, '0')}`;

export function run() {
  const bucket = open('inventory');
  // 250 host calls, one per item.
  for (let i = 0; i < 250; i++) bucket.set(key(i), encoder.encode('1'));

  // list-keys returns ONE page: { keys, cursor }. cursor is undefined on the last page.
  const page = bucket.listKeys(undefined);
  console.log(`listed ${page.keys.length} keys`);
  return page.keys.length;
}
