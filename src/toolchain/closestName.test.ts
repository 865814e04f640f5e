import { describe, expect, it } from 'vitest';
import { closestName } from './closestName';

describe('closestName', () => {
  it('finds the name a typo meant, letter case first', () => {
    expect(closestName('Run', ['memory', 'run'])).toBe('run');
    expect(closestName('opn', ['open', 'Bucket'])).toBe('open');
    expect(closestName('incrementz', ['get', 'increment', 'set'])).toBe('increment');
  });
  it('counts two neighbouring letters swapped as one edit (QA: `opne` got no did-you-mean)', () => {
    expect(closestName('opne', ['open', 'Bucket'])).toBe('open');
    expect(closestName('icnrement', ['get', 'increment'])).toBe('increment');
    expect(closestName('gte', ['get', 'set'])).toBe('get');
  });
  it('offers nothing far off: a short name allows one edit', () => {
    expect(closestName('run', ['get', 'set'])).toBeUndefined();
    expect(closestName('frobnicate', ['open'])).toBeUndefined();
  });
});
