import type { Example } from '../exampleTypes';
import { deliveryGuaranteesExample } from './deliveryExample';
import kvRangesWat from './kvRanges.wat?raw';
import kvRangesWit from './kvRanges.wit?raw';

/**
 * Examples for the proposals debated at the 2022-12-01 WASI meeting (wit/*-0.1.0 and a
 * user-declared one), each runnable next to the standard interfaces it extends.
 */
export const proposalExamples: Example[] = [
  {
    id: 'proposal-kv-ranges',
    title: 'Key ranges: tables by prefix, a time-ordered log (proposal)',
    description:
      'wasi-keyvalue PR #4 (Nov 2022, never merged) asked for get-range queries, and the 2022-12-01 WASI meeting debated whether a key-value interface should promise ordered keys at all. This guest stores a "users table" as user:<id>:<column> keys and an event log as log:<ISO timestamp> keys in one flat bucket, then uses proposal:keyvalue-range: get-range(prefix("user:42:")) reads one row, count-range counts a table, get-keys(from(…)) is "everything later than X" (the open-ended bound Joel Dice suggested), interval is half-open while inclusive keeps the end key, and delete-range drops a row in one call. Compare the trace with the key-value walk example, which needs list-keys pages and a get per key.',
    tags: ['keyvalue', 'proposal'],
    guests: [{ name: 'tables', lang: 'wat', wit: kvRangesWit, source: kvRangesWat, call: 'run' }],
  },
  deliveryGuaranteesExample,
];
