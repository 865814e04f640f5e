import { describe, expect, it } from 'vitest';
import { examples } from '../../src/index';
import { examplesOf, INTERFACES, isFirstVisit, LANDING_EXAMPLE_ID, languagesOf } from './landing';

describe('landing', () => {
  it('lands on a shipped JavaScript example', () => {
    const landing = examples.find((e) => e.id === LANDING_EXAMPLE_ID);
    expect(landing?.guests.map((g) => g.lang)).toEqual(['js']);
  });

  it('is a first visit only without a link, an example in the address, an embed or history', () => {
    const bare = { shareLink: false, exampleInAddress: false, embed: false };
    expect(isFirstVisit(bare)).toBe(true);
    expect(isFirstVisit({ ...bare, shareLink: true })).toBe(false);
    expect(isFirstVisit({ ...bare, exampleInAddress: true })).toBe(false);
    expect(isFirstVisit({ ...bare, embed: true })).toBe(false);
    expect(isFirstVisit({ ...bare, lastExampleId: 'kv-counter' })).toBe(false);
    expect(isFirstVisit({ ...bare, lastWorkspaceId: 'abc' })).toBe(false);
  });

  it.each(INTERFACES.map((i) => [i.id]))('lists the %s examples, JavaScript first, no proposals', (id) => {
    const list = examplesOf(examples, id);
    expect(list.length).toBeGreaterThan(1);
    expect(list[0].guests.every((g) => g.lang !== 'wat')).toBe(true);
    for (const e of list) expect(e.tags[0]).toBe(id);
    expect(list.some((e) => e.tags.includes('proposal') || e.tags.includes('wasi-0.3'))).toBe(false);
    // JS/TS examples all come before the first WAT one.
    const firstWat = list.findIndex((e) => e.guests.some((g) => g.lang === 'wat'));
    expect(list.slice(firstWat).every((e) => e.guests.some((g) => g.lang === 'wat'))).toBe(true);
  });

  it('names the languages of an example', () => {
    expect(languagesOf(examples.find((e) => e.id === 'wasmcloud-meets-wasi')!)).toBe('WAT + JS');
  });
});
