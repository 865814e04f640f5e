import { describe, expect, it } from 'vitest';
import { componentEmbed, componentNew, componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { validatePattern } from '../hosts/messaging/matchTopic';
import { analyzeWit } from '../toolchain/analyzeWit';
import { examples } from './index';
import type { ExampleGuest } from './exampleTypes';

/** The build steps of src/toolchain/buildComponent.ts for WAT guests, without transpiling. */
async function componentize(guest: ExampleGuest): Promise<{ wit: string; exported: string[]; worldExports: string[] }> {
  const analysis = analyzeWit(guest.wit);
  if (!analysis.ok) throw new Error(`${guest.name}: WIT does not resolve: ${JSON.stringify(analysis.diagnostics)}`);
  const core = await parse(guest.source);
  await WebAssembly.compile(core as BufferSource);
  const embedded = await componentEmbed({ binary: core, witSource: analysis.world.source, world: analysis.world.world });
  const component = await componentNew(embedded);
  return {
    wit: await componentWit(component),
    exported: analysis.world.exportedInterfaces,
    worldExports: analysis.world.exports.map((e) => e.name),
  };
}

describe('examples', () => {
  it('have unique ids and at least one guest each', () => {
    const ids = examples.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ex of examples) expect(ex.guests.length, ex.id).toBeGreaterThan(0);
  });

  for (const ex of examples) {
    describe(ex.id, () => {
      it('lists handlers before the guests that call run', () => {
        const firstCaller = ex.guests.findIndex((g) => g.call !== undefined);
        const lastHandler = ex.guests.map((g) => g.call === undefined).lastIndexOf(true);
        if (firstCaller >= 0 && lastHandler >= 0) expect(lastHandler).toBeLessThan(firstCaller);
        expect(new Set(ex.guests.map((g) => g.name)).size).toBe(ex.guests.length);
      });

      it('uses subscription patterns the messaging host accepts', () => {
        for (const g of ex.guests) for (const s of g.subscriptions ?? []) expect(validatePattern(s), `${g.name}: ${s}`).toBeUndefined();
      });

      for (const guest of ex.guests.filter((g) => g.lang === 'wat')) {
        it(`${guest.name}: WIT resolves, WAT assembles and componentizes`, async () => {
          const { wit, exported, worldExports } = await componentize(guest);
          if (guest.call) expect(worldExports).toContain(guest.call);
          if (guest.subscriptions?.length) {
            // Subscriptions only make sense for a guest that exports the handler.
            // 0.2 handlers export wasi:messaging's, WASI 0.3 ones the proposal's async handler.
            expect(exported.some((i) => /^(wasi:messaging|proposal:messaging-p3)\/incoming-handler@/.test(i))).toBe(true);
            expect(wit).toMatch(/export (wasi:messaging|proposal:messaging-p3)\/incoming-handler@/);
          }
          if (!guest.call) expect(exported.length, 'a guest without call must serve an exported interface').toBeGreaterThan(0);
        }, 60_000);
      }
    });
  }
});
