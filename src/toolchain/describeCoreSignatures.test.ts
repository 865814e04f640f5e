import { componentEmbed, componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { analyzeWit } from './analyzeWit';
import { describeCoreSignatures } from './describeCoreSignatures';
import { examples } from '../examples';

const WORLD = `package local:demo;
world demo {
  import wasi:keyvalue/store@0.2.0-draft2;
  import wasi:keyvalue/atomics@0.2.0-draft2;
  export wasi:messaging/incoming-handler@0.2.0-draft;
  export run: func(n: u32) -> s64;
}`;

describe('describeCoreSignatures', () => {
  it("gives each import and export the core signature wit-component expects, in the examples' naming", async () => {
    const core = await describeCoreSignatures(WORLD);
    expect(core).toBeDefined();
    const imp = (name: string) => core!.imports.find((f) => f.name === name);
    expect(imp('[method]bucket.get')).toEqual({
      module: 'wasi:keyvalue/store@0.2.0-draft2',
      name: '[method]bucket.get',
      signature: '(param i32 i32 i32 i32)',
      wit: 'bucket.get: func(key: string) -> result<option<list<u8>>, error>',
    });
    expect(imp('open')?.signature).toBe('(param i32 i32 i32)');
    expect(imp('[resource-drop]bucket')?.signature).toBe('(param i32)');
    expect(imp('increment')).toMatchObject({ module: 'wasi:keyvalue/atomics@0.2.0-draft2', signature: '(param i32 i32 i32 i64 i32)' });
    expect(core!.exports).toEqual([
      { name: 'run', signature: '(param i32) (result i64)', wit: 'run: func(n: u32) -> s64' },
      expect.objectContaining({ name: 'wasi:messaging/incoming-handler@0.2.0-draft#handle', signature: '(param i32) (result i32)' }),
      { name: 'cabi_realloc', signature: '(param i32 i32 i32 i32) (result i32)' },
    ]);
  });

  // WASI 0.3: an async func is offered as the async ABI declares it (a sync call of one
  // builds, but the 0.3 host here traps on it), with the built-ins that go with it.
  it('offers an async func in the async ABI: [async-lower] imports, [async-lift] exports, task.return and the waitable built-ins', async () => {
    const core = await describeCoreSignatures(examples.find((e) => e.id === 'p3-counter')!.guests[1]!.wit);
    const imp = (name: string) => core!.imports.find((f) => f.name === name);
    expect(imp('open')).toBeUndefined();
    expect(imp('[async-lower]open')).toMatchObject({ module: 'proposal:keyvalue-p3/store@0.1.0', signature: '(param i32 i32 i32) (result i32)', wit: 'open: async func(identifier: string) -> result<bucket, error>' });
    // Flat params past four go through one pointer: key (2) and value (2) and the handle.
    expect(imp('[async-lower][method]bucket.set')?.signature).toBe('(param i32 i32) (result i32)');
    expect(imp('[task-return]run')).toMatchObject({ module: '[export]$root', signature: '(param i64)' });
    expect(imp('[waitable-set-wait]')).toMatchObject({ module: '$root', signature: '(param i32 i32) (result i32)' });
    expect(core!.imports.some((f) => f.name.includes('zzwcp'))).toBe(false);
    expect(core!.exports.map((f) => [f.name, f.signature])).toEqual([
      ['[async-lift]run', '(result i32)'],
      ['[callback][async-lift]run', '(param i32 i32 i32) (result i32)'],
      ['cabi_realloc', '(param i32 i32 i32 i32) (result i32)'],
    ]);
  });

  // What the examples' authors wrote by hand is what is offered: every import of every WAT
  // example (the 0.3 ones' async forms, streams and futures included), signature and all.
  it("offers every import a WAT example declares, with the example's signature", async () => {
    const types = (group: string, text: string) => [...text.matchAll(new RegExp(`\\(${group}((?:\\s+(?:\\$[^\\s()]+|i32|i64|f32|f64))*)\\)`, 'g'))].flatMap((m) => m[1]!.split(/\s+/).filter((t) => t && !t.startsWith('$')));
    const normal = (sig: string) => `${types('param', sig).join(' ')} -> ${types('result', sig).join(' ')}`;
    let checked = 0;
    for (const ex of examples)
      for (const g of ex.guests) {
        if (g.lang !== 'wat') continue;
        const core = await describeCoreSignatures(g.wit);
        if (!core) continue;
        for (const m of g.source.matchAll(/\(import "([^"]+)" "([^"]+)"\s*\(func \$[^\s()]+((?:\s*\((?:param|result)[^)]*\))*)\s*\)\)/g)) {
          const offered = core.imports.find((f) => f.module === m[1] && f.name === m[2]);
          expect(offered, `${ex.id}/${g.name}: ${m[1]} ${m[2]}`).toBeDefined();
          expect(normal(offered!.signature), `${ex.id}/${g.name}: ${m[2]}`).toBe(normal(m[3]!));
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(100);
  }, 120_000);

  // A stream or future behind a name (an alias, a record's field, a variant's payload, a type
  // `use`d from another interface) counts where the name stands, as wit-component numbers them.
  it('offers the stream and future built-ins of streams behind named types, numbered as wit-component does', async () => {
    const wit = `package local:named;
interface other { type later = future<string>; }
interface files {
  use other.{later as soon};
  type bytes = stream<u8>;
  record pair { bytes: bytes, b: future<u32> }
  variant v { x(bytes), bytes, z(future<u8>) }
  read: async func(name: string) -> bytes;
  both: async func() -> pair;
  twice: async func(a: bytes, b: stream<u8>);
  via-use: async func() -> soon;
  via-variant: async func(v: v);
}
world w {
  import files;
  export run: async func() -> u32;
}`;
    const core = await describeCoreSignatures(wit);
    const read = (fn: string) => core!.imports.filter((f) => f.name.endsWith(`]${fn}`) && /^\[(stream|future)-read-\d\]/.test(f.name)).map((f) => `${f.name} ${f.signature}`);
    expect(read('read')).toEqual(['[stream-read-0]read (param i32 i32 i32) (result i32)']);
    expect(read('both')).toEqual(['[stream-read-0]both (param i32 i32 i32) (result i32)', '[future-read-1]both (param i32 i32) (result i32)']);
    expect(read('twice')).toEqual(['[stream-read-0]twice (param i32 i32 i32) (result i32)', '[stream-read-1]twice (param i32 i32 i32) (result i32)']);
    expect(read('via-use')).toEqual(['[future-read-0]via-use (param i32 i32) (result i32)']);
    expect(read('via-variant')).toEqual(['[stream-read-0]via-variant (param i32 i32 i32) (result i32)', '[future-read-1]via-variant (param i32 i32) (result i32)']);
    // wit-component takes every one of them: a module declaring all that is offered becomes a component.
    const wat = [
      '(module',
      ...core!.imports.map((f, i) => `  (import "${f.module}" "${f.name}" (func $i${i} ${f.signature}))`),
      '  (memory (export "memory") 1)',
      ...core!.exports.map((f) => `  (func (export "${f.name}") ${f.signature} unreachable)`),
      ')',
    ].join('\n');
    const analysis = analyzeWit(wit);
    if (!analysis.ok) throw new Error('the WIT does not analyse');
    const embedded = await componentEmbed({ binary: await parse(wat), witSource: analysis.world.source, world: analysis.world.world });
    await expect(componentNew(embedded)).resolves.toBeInstanceOf(Uint8Array);
  }, 60_000);

  it('describes nothing for WIT that does not analyse', async () => {
    expect(await describeCoreSignatures('package local:x; world w { import nope:nothing/here; }')).toBeUndefined();
  });

  // The point of the names: a module written from them builds. Every WAT example's world,
  // each import declared exactly as offered (and every export with its signature), makes a
  // component wit-component accepts.
  it("declares, for every WAT example's world, imports and exports a component can be made of", async () => {
    const seen = new Set<string>();
    for (const ex of examples) {
      for (const g of ex.guests) {
        if (g.lang !== 'wat' || seen.has(g.wit)) continue;
        seen.add(g.wit);
        const core = await describeCoreSignatures(g.wit);
        if (!core) continue;
        const wat = [
          '(module',
          ...core.imports.map((f, i) => `  (import "${f.module}" "${f.name}" (func $i${i} ${f.signature}))`),
          '  (memory (export "memory") 1)',
          ...core.exports.map((f) => `  (func (export "${f.name}") ${f.signature} unreachable)`),
          ')',
        ].join('\n');
        const analysis = analyzeWit(g.wit);
        if (!analysis.ok) throw new Error(ex.id);
        const embedded = await componentEmbed({ binary: await parse(wat), witSource: analysis.world.source, world: analysis.world.world });
        await expect(componentNew(embedded), `${ex.id}:\n${wat}`).resolves.toBeInstanceOf(Uint8Array);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  }, 120_000);
});
