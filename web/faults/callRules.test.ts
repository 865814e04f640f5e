import { describe, expect, it } from 'vitest';
import { formatCallRules, parseCallRules } from './callRules';

describe('call fault rules', () => {
  it('parses probability and nth rules and formats them back', () => {
    const text = 'wasi:keyvalue/atomics increment 0.2\nproposal:messaging-ext/offsets [method]consumer.commit #4';
    const { rules, errors } = parseCallRules(text);
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      { iface: 'wasi:keyvalue/atomics', fn: 'increment', probability: 0.2 },
      { iface: 'proposal:messaging-ext/offsets', fn: '[method]consumer.commit', nth: 4 },
    ]);
    expect(formatCallRules(rules)).toBe(text);
  });

  it('explains bad lines', () => {
    const { rules, errors } = parseCallRules('open 0.5\nwasi:keyvalue/store get 2\nwasi:keyvalue/store get');
    expect(rules).toEqual([]);
    expect(errors[0]).toMatch(/line 1: expected/);
    expect(errors[1]).toMatch(/line 2: "2" is neither/);
    expect(errors.at(-1)).toMatch(/line 3: give a probability/);
  });
});
