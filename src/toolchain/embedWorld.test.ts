import { describe, expect, it } from 'vitest';
import { componentEmbed, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { examples } from '../examples/index';
import { analyzeWit } from './analyzeWit';
import { embedWorld } from './embedWorld';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('embedWorld', () => {
  it('gives the bytes componentEmbed gives, for every WAT example and after an edit', async () => {
    for (const ex of examples) {
      for (const g of ex.guests.filter((x) => x.lang === 'wat')) {
        const a = analyzeWit(g.wit);
        if (!a.ok) throw new Error(`${ex.id}: ${JSON.stringify(a.diagnostics)}`);
        for (const source of [g.source, g.source.replace(/\)\s*$/, '  (func $edited (result i32) i32.const 7))\n')]) {
          const core = await parse(source);
          const want = await componentEmbed({ binary: core, witSource: a.world.source, world: a.world.world });
          expect(hex(await embedWorld(core, a.world)), `${ex.id}/${g.name}`).toBe(hex(want));
        }
      }
    }
  }, 300_000);

  it('fails like componentEmbed for a world the WIT does not have', async () => {
    const g = examples.find((e) => e.id === 'kv-counter')!.guests[0];
    const a = analyzeWit(g.wit);
    if (!a.ok) throw new Error('kv-counter WIT');
    const core = await parse(g.source);
    const world = { ...a.world, world: 'no-such-world' };
    const want = await componentEmbed({ binary: core, witSource: world.source, world: world.world }).then(() => 'ok', (e: unknown) => String(e));
    const got = await embedWorld(core, world).then(() => 'ok', (e: unknown) => String(e));
    expect(want).not.toBe('ok');
    expect(got).toBe(want);
  });
});
