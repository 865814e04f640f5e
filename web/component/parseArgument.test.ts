import { describe, expect, it } from 'vitest';
import { parseArgument } from './parseArgument';

describe('parseArgument', () => {
  it('reads typed inputs for an export’s parameters from their WIT types', () => {
    expect(parseArgument('42', 'u32')).toEqual({ value: 42 });
    expect(parseArgument('-1', 'u32')).toEqual({ error: 'u32 is 0…4294967295' });
    expect(parseArgument('12345678901234567890', 'u64')).toEqual({ value: '12345678901234567890' });
    expect(parseArgument('x', 's8')).toEqual({ error: 'a whole number (s8)' });
    expect(parseArgument('true', 'bool')).toEqual({ value: true });
    expect(parseArgument('hello world', 'string')).toEqual({ value: 'hello world' });
    expect(parseArgument('1.5', 'f64')).toEqual({ value: 1.5 });
    expect(parseArgument('[1,2]', 'list<u32>')).toEqual({ value: [1, 2] });
    expect(parseArgument('[1,', 'list<u32>')).toEqual({ error: 'JSON for list<u32>' });
  });
});
