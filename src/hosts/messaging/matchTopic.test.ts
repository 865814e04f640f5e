import { describe, expect, it } from 'vitest';
import { matchTopic, parseSubscription, patternCovers, validatePattern, validateTopic } from './matchTopic';

describe('matchTopic', () => {
  it.each([
    ['orders.created', 'orders.created', true],
    ['orders.created', 'orders.deleted', false],
    ['orders.created', 'Orders.created', false],
    ['orders', 'orders.created', false],
    ['orders.created', 'orders', false],
    ['orders.*', 'orders.created', true],
    ['orders.*', 'orders', false],
    ['orders.*', 'orders.eu.created', false],
    ['*.created', 'orders.created', true],
    ['*', 'orders', true],
    ['*', 'orders.created', false],
    ['orders.*.created', 'orders.eu.created', true],
    ['orders.*.created', 'orders.eu.deleted', false],
    ['orders.>', 'orders.created', true],
    ['orders.>', 'orders.eu.created', true],
    ['orders.>', 'orders', false],
    ['orders.#', 'orders.eu.created', true],
    ['orders.#', 'shipping.eu', false],
    ['>', 'anything.at.all', true],
    ['#', 'x', true],
    ['*.>', 'a', false],
    ['*.>', 'a.b', true],
  ])('%s vs %s → %s', (pattern, topic, expected) => {
    expect(matchTopic(pattern, topic)).toBe(expected);
  });

  it('never matches invalid patterns or topics', () => {
    expect(matchTopic('a.>.b', 'a.x.b')).toBe(false);
    expect(matchTopic('a..b', 'a..b')).toBe(false);
    expect(matchTopic('', '')).toBe(false);
    expect(matchTopic('a.*', 'a.*')).toBe(false);
    expect(matchTopic('>', 'a.')).toBe(false);
  });

  it('keeps reply inboxes away from catch-all patterns', () => {
    expect(matchTopic('>', '_inbox.123')).toBe(false);
    expect(matchTopic('*.*', '_inbox.123')).toBe(false);
    expect(matchTopic('_inbox.>', '_inbox.123')).toBe(true);
  });
});

describe('validation', () => {
  it('explains bad topics', () => {
    expect(validateTopic('')).toMatch(/empty/);
    expect(validateTopic('a..b')).toMatch(/empty segment/);
    expect(validateTopic('a.*')).toMatch(/wildcard/);
    expect(validateTopic('orders.created')).toBeUndefined();
  });

  it('explains bad patterns', () => {
    expect(validatePattern('a.>.b')).toMatch(/last segment/);
    expect(validatePattern('queue:')).toMatch(/empty/);
    expect(validatePattern('.a')).toMatch(/empty segment/);
    expect(validatePattern('queue:jobs.*')).toBeUndefined();
  });

  it('refuses regular expressions and partial wildcards, which would silently match nothing', () => {
    // The 2022 drafts proposed regex topic patterns; an attendee tries one.
    expect(validatePattern('orders\\.(paid|created)')).toMatch(/regular expression.*orders\.\*/);
    expect(validatePattern('orders.(paid|created)')).toMatch(/regular expression/);
    expect(validatePattern('^orders.[a-z]+$')).toMatch(/regular expression/);
    expect(validatePattern('queue:jobs.pa*')).toMatch(/"pa\*" is taken literally.*whole segment/);
    expect(validatePattern('orders.*paid')).toMatch(/whole segment/);
    expect(validatePattern('orders.>>')).toMatch(/whole segment/);
    expect(validatePattern('orders.+')).toMatch(/MQTT.*\*/);
    for (const ok of ['orders.*', 'orders.>', 'orders.#', '*.paid', 'order-events.eu_west', 'queue:jobs']) expect(validatePattern(ok)).toBeUndefined();
  });

  it('parses queue subscriptions', () => {
    expect(parseSubscription('queue:jobs')).toEqual({ pattern: 'jobs', group: 'queue:jobs' });
    expect(parseSubscription(' orders.* ')).toEqual({ pattern: 'orders.*' });
  });

  it.each([
    ['jobs', 'jobs', true],
    ['>', 'jobs', true],
    ['#', 'jobs.eu.x', true],
    ['jobs.>', 'jobs.*', true],
    ['jobs.#', 'jobs.>', true],
    ['jobs.*', 'jobs.eu', true],
    ['*.eu', 'jobs.eu', true],
    ['jobs.eu', 'jobs.*', false],
    ['jobs.*', 'jobs.>', false],
    ['jobs.>', 'jobs', false],
    ['jobs', 'jobs.eu', false],
    ['orders.*', '*.eu', false],
    // Reply inboxes are matched only by patterns naming them.
    ['>', '_inbox.*', false],
    ['_inbox.>', '_inbox.*', true],
    ['>', '*.eu', true],
  ])('patternCovers(%s, %s) is %s: every topic the second matches, the first does', (wide, narrow, expected) => {
    expect(patternCovers(wide, narrow)).toBe(expected);
  });
});
