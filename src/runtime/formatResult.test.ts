import { describe, expect, it } from 'vitest';
import { formatResult } from './formatResult';
import { renderValue } from './renderValue';

describe('formatResult: a return value as the console prints it', () => {
  it('prints s64 and u64 results (bigints) as bare numbers, strings quoted', () => {
    expect(formatResult(1n)).toBe('1');
    expect(formatResult(-42n)).toBe('-42');
    expect(formatResult(18446744073709551615n)).toBe('18446744073709551615');
    expect(formatResult('1')).toBe('"1"');
    expect(formatResult(7)).toBe('7');
    expect(formatResult(true)).toBe('true');
  });

  it('prints bigints bare inside records, lists, options and variants', () => {
    expect(formatResult({ count: 3n, name: 'visits' })).toBe('{"count":3,"name":"visits"}');
    expect(formatResult([250n, 3n, 8n])).toBe('[250,3,8]');
    // An option<u64>: jco gives the value or undefined; a variant or result payload: { tag, val }.
    expect(formatResult([5n, undefined])).toBe('[5,null]');
    expect(formatResult({ tag: 'ok', val: 9007199254740993n })).toBe('{"tag":"ok","val":9007199254740993}');
    expect(formatResult({ tag: 'err', val: 'no such key' })).toBe('{"tag":"err","val":"no such key"}');
  });

  it('is the preview otherwise: nothing for undefined, bytes as text, resources named, bounds kept', () => {
    expect(formatResult(undefined)).toBe('null');
    expect(formatResult(new TextEncoder().encode('hi'))).toBe('{"bytes":2,"text":"hi"}');
    class Bucket {}
    const bucket = new Bucket();
    expect(formatResult({ b: bucket })).toBe(JSON.stringify({ b: renderValue(bucket) }));
    const long = Array.from({ length: 25 }, (_, i) => BigInt(i));
    expect(formatResult(long)).toBe(`[${[...Array(20).keys()].join(',')},"… 5 more"]`);
    const deep = { a: { b: { c: { d: { e: { f: 1n } } } } } };
    expect(formatResult(deep)).toBe(JSON.stringify(renderValue(deep)));
    expect(formatResult('x'.repeat(300))).toBe(JSON.stringify(`${'x'.repeat(200)}…`));
  });

  it('matches the JSON preview wherever no bigint is involved', () => {
    for (const v of [null, 0, -1.5, 'a "quoted" word', [1, 'two', { three: [3] }], { x: undefined, y: [true] }]) {
      expect(formatResult(v)).toBe(JSON.stringify(renderValue(v)));
    }
  });
});
