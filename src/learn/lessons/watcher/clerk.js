import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

const encoder = new TextEncoder();

// The clerk changes the inventory: two sets and one delete.
export function run() {
  const inventory = open('inventory');
  inventory.set('apples', encoder.encode('40'));
  inventory.set('pears', encoder.encode('3'));
  inventory.delete('pears');
  console.log('clerk: set apples, set pears, deleted pears');
  return 3;
}
