import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { countRange, getKeys } from 'proposal:keyvalue-range/range@0.1.0';

const encoder = new TextEncoder();

export function run() {
  const bucket = open('events');
  // One flat bucket, two "tables": a time-ordered log and users.
  for (const time of ['09:00', '11:30', '12:00', '14:15', '17:40']) bucket.set(`log:2022-12-01T${time}`, encoder.encode(time));
  for (const id of ['1', '2']) bucket.set(`user:${id}`, encoder.encode(`user ${id}`));

  // key-range is a variant: { tag: 'prefix' | 'from' | 'inclusive' | 'interval' | 'all', val }.
  // from(start) has no end: it runs to the last key of the bucket.
  // TODO: count only the log entries from noon on.
  const range = { tag: 'from', val: 'log:2022-12-01T12' };
  console.log(`keys: ${getKeys(bucket, range).join(', ')}`);
  return countRange(bucket, range);
}
