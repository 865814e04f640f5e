import { describe, expect, it } from 'vitest';
import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { examples } from '../examples/index';
import { analyzeWit, type WorldAnalysis } from './analyzeWit';
import { bindingsShape, cachedBindings, coreModulesOf, storeBindings, type CachedBindings } from './bindingsCache';
import { generateOptions } from './generateBindings';

async function componentOf(wat: string, world: WorldAnalysis): Promise<Uint8Array> {
  const core = await parse(wat);
  return componentNew(await componentEmbed({ binary: core, witSource: world.source, world: world.world }));
}

function worldOf(wit: string): WorldAnalysis {
  const a = analyzeWit(wit);
  if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
  return a.world;
}

const hexOf = (shape: Uint8Array | undefined) => (shape ? Buffer.from(shape).toString('hex') : undefined);

/** Edits that change only what the guest does: a helper function, a changed constant. */
const bodyEdits: [string, (src: string) => string][] = [
  ['a helper function appended', (src) => src.replace(/\)\s*$/, '  (func $edited (result i32) i32.const 4242))\n')],
  ['a constant changed', (src) => src.replace(/i32\.const (\d+)/, (_, n: string) => `i32.const ${Number(n) + 7}`)],
];

const watGuests = examples.flatMap((ex) => ex.guests.filter((g) => g.lang === 'wat').map((g) => ({ id: `${ex.id}/${g.name}`, guest: g })));

describe('bindings cache shape', () => {
  it('is the same after body-only edits, and jco generates byte-identical JS then (every WAT example)', async () => {
    await $init;
    const dec = new TextDecoder();
    for (const { id, guest } of watGuests) {
      const world = worldOf(guest.wit);
      const opts = generateOptions(world, false);
      const component = await componentOf(guest.source, world);
      const out = generate(component, opts);
      // jco's core module files are the component's core modules, in order, byte for byte.
      const modules = coreModulesOf(component);
      if (!modules) throw new Error(`${id}: no modules read`);
      const wasmFiles = out.files.filter(([n]) => n.endsWith('.wasm'));
      expect(wasmFiles.map(([, b]) => Buffer.from(b).toString('hex')), id).toEqual(modules.map((m) => Buffer.from(m).toString('hex')));
      const key = hexOf(bindingsShape(component, opts));
      expect(key, id).toBeDefined();
      const js = dec.decode(out.files.find(([n]) => n.endsWith('.js'))![1]);
      for (const [what, edit] of bodyEdits) {
        const edited = edit(guest.source);
        if (edited === guest.source) continue;
        const c2 = await componentOf(edited, world);
        expect(Buffer.compare(Buffer.from(c2), Buffer.from(component)), `${id}: ${what} changes the component`).not.toBe(0);
        expect(hexOf(bindingsShape(c2, opts)), `${id}: ${what}`).toBe(key);
        const js2 = dec.decode(generate(c2, opts).files.find(([n]) => n.endsWith('.js'))![1]);
        expect(js2 === js, `${id}: ${what} gives the same JS`).toBe(true);
      }
    }
  }, 300_000);

  it('changes with the WIT, the exports and the generate options', async () => {
    const ex = examples.find((e) => e.id === 'kv-counter')!.guests[0];
    const world = worldOf(ex.wit);
    const component = await componentOf(ex.source, world);
    const key = hexOf(bindingsShape(component, generateOptions(world, false)));
    expect(hexOf(bindingsShape(component, generateOptions(world, true)))).not.toBe(key);
    // One more world-level export: another component type section, another key.
    const wit2 = ex.wit.replace(/export run: func\(\)([^;]*);/, 'export run: func()$1;\n  export extra: func() -> u32;');
    expect(wit2).not.toBe(ex.wit);
    const src2 = ex.source.replace(/\)\s*$/, '  (func (export "extra") (result i32) i32.const 1))\n');
    const world2 = worldOf(wit2);
    const other = hexOf(bindingsShape(await componentOf(src2, world2), generateOptions(world2, false)));
    expect(other).toBeDefined();
    expect(other).not.toBe(key);
    // A core module export renamed (not only a body change) is another interface.
    const renamed = await componentOf(ex.source.replace(/\)\s*$/, '  (func (export "cabi_unused_probe") (result i32) i32.const 1))\n'), world);
    expect(hexOf(bindingsShape(renamed, generateOptions(world, false)))).not.toBe(key);
  }, 120_000);
});

describe('bindings cache', () => {
  const entry = (n: number): CachedBindings => ({ files: [[`guest${n}.js`, Uint8Array.of(n)]], moduleNames: [], order: [`guest${n}.js`], wit: '' });

  it('answers only for the very same shape bytes, and keeps the most recent few', () => {
    const shape = (n: number) => Uint8Array.from({ length: 64 }, (_, i) => (i * n) & 0xff);
    storeBindings(shape(3), entry(3));
    expect(cachedBindings(shape(3).slice())?.order).toEqual(['guest3.js']);
    const near = shape(3);
    near[63] ^= 1;
    expect(cachedBindings(near)).toBeUndefined();
    for (let n = 10; n < 30; n++) storeBindings(shape(n), entry(n));
    expect(cachedBindings(shape(3))).toBeUndefined();
    expect(cachedBindings(shape(29))?.order).toEqual(['guest29.js']);
  });
});
