// A WIT mistake our own parser lets through (an unknown type name) is first caught, for a JS or
// TS guest, by the splicer: it must still be marked where it is in the WIT, as for a WAT guest,
// and nothing blamed on the guest. Fast (≈0.3 s): the splicer rejects the WIT before any engine work.
import { describe, expect, it } from 'vitest';
import { readJsToolchainAssets } from './readJsToolchainAssets.testing';
import type { GuestSource } from '../../protocol/buildProtocol';
import { buildComponent } from '../buildComponent';
import { componentizeGuest } from './componentizeGuest';


// `strng` is on line 4, columns 25–29.
const WIT = `package local:app;
world app {
  import wasi:keyvalue/store@0.2.0-draft2;
  export run: func() -> strng;
}`;

async function diagnosticsFor(guest: GuestSource) {
  const assets = await readJsToolchainAssets();
  const outcome = await buildComponent(WIT, guest, { componentize: (g, w, p) => componentizeGuest(g, w, p, assets) });
  if (outcome.ok) throw new Error('expected the build to fail');
  return outcome.diagnostics;
}

describe('a WIT type error with a JS or TS guest', { timeout: 60_000 }, () => {
  it.each([
    ['js', 'export function run() { return "x"; }'],
    ['ts', 'export function run(): string { return "x"; }'],
  ] as const)('is marked at the unknown name in the WIT (%s guest)', async (lang, source) => {
    const diagnostics = await diagnosticsFor({ lang, source });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'wit', line: 4, column: 25, endColumn: 30 });
    expect(diagnostics[0].message).toMatch(/strng/);
  });

  it('is marked where a WAT guest marks it', async () => {
    const wat = await diagnosticsFor({ lang: 'wat', source: '(module)' });
    const js = await diagnosticsFor({ lang: 'js', source: 'export function run() { return "x"; }' });
    expect(wat[0]).toMatchObject({ file: 'wit', line: 4, column: 25 });
    expect({ ...js[0], message: undefined }).toEqual({ ...wat[0], message: undefined });
  });
});
