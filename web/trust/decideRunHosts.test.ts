import { describe, expect, it } from 'vitest';
import { decideRunHosts } from './decideRunHosts';
import { findPackageUse } from './findPackageUse';
import type { UntrustedHostCode } from './useHostTrust';

const TTL = 'proposal:kv-ttl@0.1.0';
const COUNTER = { name: 'counter', wit: 'world w {\n  import wasi:keyvalue/atomics@0.2.0-draft2;\n  export run: func() -> s64;\n}' };
const TTL_GUEST = { name: 'ttl', wit: `world t {\n  import ${TTL.replace('@', '/ttl@')};\n  import proposal:kv-ttl/testing@0.1.0;\n}` };
const item = (status: UntrustedHostCode['status'], over: Partial<UntrustedHostCode> = {}): UntrustedHostCode => ({ id: TTL, source: 'code', replaces: false, interfaces: [], status, ...over });
const hosts = { customHosts: { [TTL]: 'code', 'p:mine@1.0.0': 'typed here' } };

describe('decideRunHosts', () => {
  it('runs without declined code for a package no guest names (it used to refuse: no built-in host)', () => {
    const d = decideRunHosts([item('declined')], hosts, [COUNTER], undefined);
    expect(d).toEqual({ kind: 'run', hosts: { customHosts: { 'p:mine@1.0.0': 'typed here' } }, fallback: [] });
  });

  it('refuses when a guest imports the declined package and nothing else serves it, naming guest and interfaces', () => {
    expect(decideRunHosts([item('declined')], hosts, [COUNTER, TTL_GUEST], undefined)).toEqual({ kind: 'refuse', needs: [`guest ttl imports ${TTL} (testing, ttl)`] });
  });

  it("falls back to a built-in host or the example's own code, and says so", () => {
    const kv = 'wasi:keyvalue@0.2.0-draft2';
    const d = decideRunHosts([item('declined', { id: kv, replaces: true })], { customHosts: { [kv]: 'evil' } }, [COUNTER], undefined);
    expect(d).toEqual({ kind: 'run', hosts: { customHosts: {} }, fallback: [kv] });
    expect(decideRunHosts([item('declined')], hosts, [TTL_GUEST], { [TTL]: 'shipped' })).toMatchObject({ kind: 'run', fallback: [TTL] });
  });

  it('waits for a decision on pending code, used or not', () => {
    expect(decideRunHosts([item('pending')], hosts, [COUNTER], undefined)).toEqual({ kind: 'wait', ids: [TTL] });
  });

  it('passes accepted code through unchanged', () => {
    expect(decideRunHosts([item('accepted')], hosts, [TTL_GUEST], undefined)).toEqual({ kind: 'run', hosts, fallback: [] });
  });
});

describe('findPackageUse', () => {
  it('reads import, use, export and include of the package, any matching version', () => {
    const wit = `world w {\n  import ${TTL.replace('@', '/ttl@')};\n  use proposal:kv-ttl/types.{entry};\n  export proposal:kv-ttl/handler@0.1.0;\n  include proposal:kv-ttl/imports;\n}`;
    expect(findPackageUse(wit, TTL)).toEqual({ imports: ['ttl', 'types'], others: ['handler', 'imports'], declares: false });
  });

  it('ignores another version, another package with the same prefix, and a nested declaration nobody imports', () => {
    expect(findPackageUse('world w { import proposal:kv-ttl/ttl@0.2.0; }', TTL)).toBeUndefined();
    expect(findPackageUse('world w { import proposal:kv-ttl2/ttl@0.1.0; }', TTL)).toBeUndefined();
    expect(findPackageUse(`package local:demo;\nworld w { export run: func(); }\npackage ${TTL} {\n  interface ttl {}\n}`, TTL)).toBeUndefined();
  });

  it('counts a WIT that is the package itself: its world may import its interfaces unqualified', () => {
    expect(findPackageUse(`package ${TTL};\ninterface ttl {}\nworld w { import ttl; }`, TTL)).toEqual({ imports: [], others: [], declares: true });
  });
});
