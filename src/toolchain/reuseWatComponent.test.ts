import { describe, expect, it } from 'vitest';
import { componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { examples } from '../examples/index';
import { analyzeWit } from './analyzeWit';
import { worldKeyOf } from './buildComponent';
import { embedWorld } from './embedWorld';
import { watComponent } from './reuseWatComponent';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const edited = (source: string, n: number) => source.replace(/\)\s*$/, `  (func $edited (result i32) i32.const ${n}))\n`);

describe('watComponent', () => {
  it('gives the bytes componentNew gives after an edit of the code, for every WAT example, and reuses the component', async () => {
    let reusedCount = 0;
    for (const ex of examples) {
      for (const g of ex.guests.filter((x) => x.lang === 'wat')) {
        const a = analyzeWit(g.wit);
        if (!a.ok) throw new Error(`${ex.id}: ${JSON.stringify(a.diagnostics)}`);
        const key = worldKeyOf(a.world);
        for (const source of [g.source, edited(g.source, 7), edited(g.source, 8)]) {
          const core = await parse(source);
          const want = await componentNew(await embedWorld(core, a.world));
          const got = await watComponent(core, key, () => embedWorld(core, a.world), (e) => componentNew(e));
          expect(hex(got.component), `${ex.id}/${g.name}`).toBe(hex(want));
          if (got.reused) reusedCount++;
        }
      }
    }
    // Every example's edits after its first build: the reuse really happens.
    expect(reusedCount).toBeGreaterThan(examples.length);
  }, 300_000);

  it('builds anew when the exports change', async () => {
    const g = examples.find((e) => e.id === 'kv-counter')!.guests[0];
    const a = analyzeWit(g.wit);
    if (!a.ok) throw new Error('kv-counter WIT');
    const key = worldKeyOf(a.world);
    const core = await parse(g.source);
    await watComponent(core, key, () => embedWorld(core, a.world), (e) => componentNew(e));
    // A new export: another interface, so componentNew must see it.
    const other = await parse(g.source.replace(/\)\s*$/, '  (func (export "extra") (result i32) i32.const 1))\n'));
    const got = await watComponent(other, key, () => embedWorld(other, a.world), (e) => componentNew(e));
    expect(got.reused).toBe(false);
    expect(hex(got.component)).toBe(hex(await componentNew(await embedWorld(other, a.world))));
  });
});
