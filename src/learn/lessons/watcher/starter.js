import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';

const decoder = new TextDecoder();

// An exported interface is an object named after it, holding its functions.
export const watcher = {
  onSet(bucket, key, value) {
    console.log(`${key} is now ${decoder.decode(value)}`);
    // TODO: count it: increment "sets" in bucket "audit"
  },
  onDelete(bucket, key) {
    // TODO: count deletes in "audit" too
  },
};
