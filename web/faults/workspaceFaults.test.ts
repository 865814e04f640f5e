import { describe, expect, it } from 'vitest';
import type { Example } from '../../src/index';
import { faultsForGuest, readWorkspaceFaults, resolveRunHosts } from './workspaceFaults';

const example: Example = {
  id: 'x', title: 'x', description: '', tags: [],
  guests: [
    { name: 'a', lang: 'wat', wit: '', source: '', faults: { seed: 3, dropProbability: 0.5 } },
    { name: 'b', lang: 'wat', wit: '', source: '' },
  ],
  customHosts: { 'p:q@1.0.0': 'export default { create() { return {}; } }' },
};

describe('resolveRunHosts', () => {
  it('uses the example guests\' default faults until the workspace has its own', () => {
    const r = resolveRunHosts(example, example.guests, { customHosts: {} });
    expect(r.faults).toEqual({ a: { seed: 3, dropProbability: 0.5 }, b: undefined });
    expect(r.customHosts).toEqual(example.customHosts);
  });

  it('lets the workspace override: all, per guest, and null = no faults', () => {
    const hosts = { customHosts: {}, faults: { all: { seed: 9, duplicateProbability: 0.1 }, guests: { a: null } } };
    expect(resolveRunHosts(example, example.guests, hosts).faults).toEqual({ a: undefined, b: { seed: 9, duplicateProbability: 0.1 } });
  });

  it('drops configs that do not validate, and overlays workspace custom hosts', () => {
    const hosts = { customHosts: { 'p:q@1.0.0': 'mine' }, faults: { all: { dropProbability: 7 } } };
    const r = resolveRunHosts(example, example.guests, hosts);
    expect(r.faults).toEqual({ a: undefined, b: undefined });
    expect(r.customHosts).toEqual({ 'p:q@1.0.0': 'mine' });
  });

  it('ignores a malformed hosts.faults', () => {
    expect(readWorkspaceFaults([1])).toBeUndefined();
    expect(readWorkspaceFaults({ all: 3 })).toBeUndefined();
    expect(faultsForGuest({ guests: { a: { seed: 1 } } }, 'a')).toEqual({ seed: 1 });
  });
});
