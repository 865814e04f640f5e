// The key-ranges proposal example's queries over standard wasi:keyvalue only. list-keys
// promises no order and no filter, so every range is: list every key page by page, sort
// (UTF-16 order, as the proposal's host), filter here, then get each value.
import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let calls = 0;

// Every key of the bucket, sorted: one list-keys call per page.
function allKeys(bucket) {
  const keys = [];
  let cursor;
  do {
    calls += 1;
    const page = bucket.listKeys(cursor);
    keys.push(...page.keys);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function get(bucket, key) {
  calls += 1;
  const value = bucket.get(key);
  return value === undefined ? '(gone)' : decoder.decode(value);
}

function remove(bucket, key) {
  calls += 1;
  bucket.delete(key);
}

export function run() {
  const bucket = open('tables');
  for (const key of allKeys(bucket)) remove(bucket, key);
  const rows = [
    ['user:41:name', 'Ada'], ['user:42:name', 'Grace'], ['user:42:email', 'grace@navy.example'],
    ['user:42:rank', 'rear admiral'], ['user:43:name', 'Linus'], ['user:43:email', 'linus@example.org'],
    ['log:2022-12-01T09:30:00Z', 'agenda posted'], ['log:2022-12-01T10:00:00Z', 'keyvalue ranges debated'],
    ['log:2022-12-01T10:20:00Z', 'messaging acks debated'], ['log:2022-12-01T10:45:00Z', 'blobstore ranges debated'],
    ['log:2022-12-02T08:00:00Z', 'notes published'],
  ];
  for (const [key, value] of rows) {
    calls += 1;
    bucket.set(key, encoder.encode(value));
  }
  console.log(`stored ${rows.length} keys; every range below is list-keys (all pages) + sort + filter in the guest`);
  calls = 0;

  console.log('prefix "user:42:" – row 42 of the users table:');
  for (const key of allKeys(bucket).filter((k) => k.startsWith('user:42:'))) console.log(`  ${key} = ${get(bucket, key)}`);

  console.log(`"user:" cells: ${allKeys(bucket).filter((k) => k.startsWith('user:')).length} (counted in the guest)`);

  console.log('from "log:2022-12-01T10:00:00Z" – everything from 10:00 on:');
  for (const key of allKeys(bucket).filter((k) => k >= 'log:2022-12-01T10:00:00Z')) console.log(`  ${key}`);

  console.log('half-open [10:00, 10:45) – 10:45 excluded:');
  const from = 'log:2022-12-01T10:00:00Z';
  const to = 'log:2022-12-01T10:45:00Z';
  for (const key of allKeys(bucket).filter((k) => k >= from && k < to)) console.log(`  ${key} = ${get(bucket, key)}`);
  console.log(`inclusive [10:00, 10:45] = ${allKeys(bucket).filter((k) => k >= from && k <= to).length} (the end key counts)`);

  for (const key of allKeys(bucket).filter((k) => k.startsWith('user:42:'))) remove(bucket, key);
  const left = allKeys(bucket);
  console.log(`after deleting row 42 key by key: ${left.filter((k) => k.startsWith('user:')).length} cells left in the users table`);
  console.log(`${calls} host calls for these queries (the proposal answers each with one call)`);
  return left.length;
}
