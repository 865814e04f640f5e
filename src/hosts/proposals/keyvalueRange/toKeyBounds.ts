import { HostError } from '../../hostContract';
import type { KeyBounds } from '../../idb';

/** `proposal:keyvalue-range/range.key-range` as jco passes the variant. */
export type KeyRange =
  | { tag: 'all' }
  | { tag: 'prefix'; val: string }
  | { tag: 'inclusive'; val: [string, string] }
  | { tag: 'interval'; val: [string, string] }
  | { tag: 'from'; val: string };

/**
 * Turns a `key-range` into bounds on the [bucket, key] primary key, so every operation is
 * one IndexedDB key-range request (no scan of other keys).
 *
 * Edge cases, decided here:
 * - `prefix("")` is `all`.
 * - `prefix(p)` is [p, succ(p)) where succ increments the last UTF-16 code unit of p
 *   (carrying past U+FFFF units). Unlike the common [p, p + '\uffff'] bound it also covers
 *   keys such as p + '\uffff' + 'x'; a prefix made only of U+FFFF has no upper bound.
 * - `inclusive(a, b)` with a > b, and `interval(a, b)` with a >= b, are empty (not errors):
 *   a computed range that happens to be empty is normal in table scans.
 * - Ordering is IndexedDB's UTF-16 code-unit order, as the WIT documents (NATS key-value
 *   sorts the same way). It equals UTF-8 byte order except between supplementary characters
 *   (surrogates) and U+E000..U+FFFF; keys of ASCII, Latin, CJK text or ISO timestamps are
 *   unaffected.
 */
export function toKeyBounds(range: unknown): KeyBounds {
  const r = range as KeyRange | null;
  if (r === null || typeof r !== 'object' || typeof r.tag !== 'string') {
    throw invalid(`key-range must be a variant {tag, val}, got ${describe(range)}`);
  }
  switch (r.tag) {
    case 'all':
      return {};
    case 'prefix': {
      const p = asKey(r.val, 'prefix');
      if (p === '') return {};
      const upper = successor(p);
      return upper === undefined ? { lower: p } : { lower: p, upper, upperExclusive: true };
    }
    case 'inclusive': {
      const [a, b] = asPair(r.val, 'inclusive');
      return { lower: a, upper: b };
    }
    case 'interval': {
      const [a, b] = asPair(r.val, 'interval');
      return { lower: a, upper: b, upperExclusive: true };
    }
    case 'from':
      return { lower: asKey(r.val, 'from') };
    default:
      throw invalid(`unknown key-range case "${String((r as { tag: unknown }).tag)}" (expected all, prefix, inclusive, interval or from)`);
  }
}

/** Smallest string greater than every string starting with `p`, or undefined if none exists. */
export function successor(p: string): string | undefined {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 0xffff) end -= 1;
  if (end === 0) return undefined;
  return p.slice(0, end - 1) + String.fromCharCode(p.charCodeAt(end - 1) + 1);
}

function asKey(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(`${what}: key must be a string, got ${describe(value)}`);
  return value;
}

function asPair(value: unknown, what: string): [string, string] {
  if (!Array.isArray(value) || value.length !== 2) throw invalid(`${what}: expected a tuple (start, end), got ${describe(value)}`);
  return [asKey(value[0], `${what} start`), asKey(value[1], `${what} end`)];
}

function invalid(text: string): HostError {
  return new HostError({ tag: 'other', val: text });
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? `array of ${value.length}` : typeof value;
}
