import { describe, expect, it } from 'vitest';
import { cliConfigOf, configValuesOf, joinCommandLine, splitCommandLine, splitPair, validatePair } from './guestHostInputs';

describe('guest host inputs', () => {
  it('splits a command line like a shell, program name first', () => {
    expect(splitCommandLine('wc -l "two words" \'it\'\\\'\'s\' a\\ b')).toEqual(['wc', '-l', 'two words', "it's", 'a b']);
    expect(splitCommandLine('   ')).toEqual([]);
    expect(splitCommandLine("prog ''")).toEqual(['prog', '']);
    const args = ['prog', 'a b', "it's", '', 'plain'];
    expect(splitCommandLine(joinCommandLine(args))).toEqual(args);
  });

  it('reads NAME=value pairs, values may contain =', () => {
    expect(splitPair('A=b=c')).toEqual(['A', 'b=c']);
    expect(splitPair('=x')).toBeUndefined();
    expect(validatePair('novalue')).toMatch(/NAME=value/);
    expect(validatePair('A B=1')).toMatch(/whitespace/);
    expect(validatePair('EMPTY=')).toBeUndefined();
  });

  it('builds HostConfig.cli and .config only when something is set', () => {
    expect(cliConfigOf({})).toBeUndefined();
    expect(cliConfigOf({ stdin: 'hi' })).toEqual({ args: [], env: [], stdin: 'hi' });
    expect(cliConfigOf({ args: ['p', '1'], env: ['X=1'] })).toEqual({ args: ['p', '1'], env: [['X', '1']], stdin: '' });
    expect(configValuesOf({ config: ['greeting=hi there'] })).toEqual([['greeting', 'hi there']]);
    expect(configValuesOf({ config: [] })).toBeUndefined();
  });
});
