import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerWat, handlerWit } from '../../bench/messagingGuests';
import { generateBindings } from './generateBindings';
import { lightenJspiGlue } from './lightenJspiGlue';
import { lightenJspiExports } from './lightenJspiExports';
import { instantiateGlue as instantiate, outcome, type Outcome, generateGlue } from './loadGlue.testing';
import { plainExportsUnlessSuspending } from './plainExportsUnlessSuspending';

/** A guest with no imports: ok(n + 1), err("odd") for odd n, a trap for 13. */
const soloWit = `package local:plain-export-test;
world w {
  export run: func(n: u32) -> result<u32, string>;
}`;
const soloWat = `(module
  (memory (export "memory") 1)
  (data (i32.const 100) "odd")
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "run") (param $n i32) (result i32)
    (if (i32.eq (local.get $n) (i32.const 13)) (then unreachable))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (i32.store8 (i32.const 16) (i32.const 1))
        (i32.store (i32.const 20) (i32.const 100))
        (i32.store (i32.const 24) (i32.const 3))
        (return (i32.const 16))))
    (i32.store8 (i32.const 16) (i32.const 0))
    (i32.store (i32.const 20) (i32.add (local.get $n) (i32.const 1)))
    (i32.const 16)))`;

/** The same with a host import (not marked synchronous, so Suspending). */
const hostWit = `package local:plain-export-test2;
interface host { note: func(n: u32) -> u32; }
world w {
  import host;
  export run: func(n: u32) -> u32;
}`;
const hostWat = `(module
  (import "local:plain-export-test2/host" "note" (func $note (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "run") (param $n i32) (result i32) (call $note (local.get $n))))`;


async function lightGlueOf(wit: string, wat: string) {
  const { js, ...rest } = await generateGlue(wit, wat);
  return { light: lightenJspiExports(lightenJspiGlue(js).js).js, ...rest };
}



// Node has no JSPI: stubs that count the calls made through a promising function.
const wasm = WebAssembly as unknown as Record<string, unknown>;
const saved = { promising: wasm.promising, Suspending: wasm.Suspending };
let promisingCalls = 0;
beforeAll(() => {
  wasm.promising = (f: (...a: unknown[]) => unknown) => async (...a: unknown[]) => (promisingCalls++, f(...a));
  wasm.Suspending = function Suspending(f: unknown) {
    return f;
  };
});
afterAll(() => Object.assign(wasm, saved));

describe('plainExportsUnlessSuspending', () => {
  it('calls exports of a component without Suspending imports directly, with the same results, errors, traps and order', async () => {
    const { light, modules } = await lightGlueOf(soloWit, soloWat);
    const plain = plainExportsUnlessSuspending(light)!;
    expect(plain).toBeDefined();
    expect(plainExportsUnlessSuspending(plain), 'idempotent').toBeUndefined();
    const runs: Record<string, { outcomes: Outcome[]; viaPromising: number }> = {};
    for (const [name, text] of [['jspi', light], ['plain', plain]] as const) {
      promisingCalls = 0;
      const run = (await instantiate(text, modules, {})).run as (n: number) => Promise<unknown>;
      const outcomes: Outcome[] = [];
      outcomes.push(await outcome(() => run(2)), await outcome(() => run(3)));
      outcomes.push(...(await Promise.all([6, 7, 8].map((n) => outcome(() => run(n))))));
      outcomes.push(await outcome(() => run(13)), await outcome(() => run(2)));
      runs[name] = { outcomes, viaPromising: promisingCalls };
    }
    expect(runs.plain.outcomes).toEqual(runs.jspi.outcomes);
    expect(runs.jspi.outcomes.slice(0, 2)).toEqual([{ ok: 3 }, { threw: 'ComponentError', message: 'odd', payload: 'odd' }]);
    expect(runs.jspi.outcomes.at(-2)).toMatchObject({ threw: 'RuntimeError' });
    expect(runs.jspi.viaPromising).toBeGreaterThan(0);
    expect(runs.plain.viaPromising).toBe(0);
  }, 60_000);

  it('keeps the bench handler’s resource handling and call order, without JSPI', async () => {
    const { light, modules } = await lightGlueOf(handlerWit, handlerWat);
    const plain = plainExportsUnlessSuspending(light)!;
    const runs: Record<string, { outcomes: Outcome[]; dropped: number[]; viaPromising: number }> = {};
    for (const [name, text] of [['jspi', light], ['plain', plain]] as const) {
      promisingCalls = 0;
      const dropped: number[] = [];
      class Message {
        constructor(readonly n: number) {}
        [Symbol.dispose]() {
          dropped.push(this.n);
        }
      }
      const inst = await instantiate(text, modules, { 'wasi:messaging/types': { Message } });
      const handle = (inst.incomingHandler as { handle: (m: unknown) => Promise<unknown> }).handle;
      const outcomes = await Promise.all([1, 2, 3].map((n) => outcome(() => handle(new Message(n)))));
      outcomes.push(await outcome(() => handle({ n: 4 })));
      outcomes.push(...(await Promise.all([5, 6].map((n) => outcome(() => handle(new Message(n)))))));
      runs[name] = { outcomes, dropped, viaPromising: promisingCalls };
    }
    expect({ ...runs.plain, viaPromising: 0 }).toEqual({ ...runs.jspi, viaPromising: 0 });
    expect(runs.jspi.dropped).toEqual([1, 2, 3, 5, 6]);
    expect(runs.plain.viaPromising).toBe(0);
  }, 60_000);

  it('keeps JSPI for a component with a Suspending import', async () => {
    const { light, modules } = await lightGlueOf(hostWit, hostWat);
    const plain = plainExportsUnlessSuspending(light)!;
    expect(plain).toBeDefined();
    promisingCalls = 0;
    const run = (await instantiate(plain, modules, { 'local:plain-export-test2/host': { note: (n: number) => n * 10 } })).run as (n: number) => Promise<unknown>;
    expect(await run(4)).toBe(40);
    expect(promisingCalls).toBe(1);
  }, 60_000);

  it('leaves glue alone that names WebAssembly.Suspending otherwise, and p3 glue', () => {
    const glue = 'export function instantiate() { const f = WebAssembly.promising(g); return x instanceof WebAssembly.Suspending; }';
    expect(plainExportsUnlessSuspending(glue)).toBeUndefined();
    expect(plainExportsUnlessSuspending('const a = { isAsync: true }; WebAssembly.promising(g);')).toBeUndefined();
    expect(plainExportsUnlessSuspending('"use components";\nconst p = WebAssembly.promising(g);')).toMatch(/^"use components";\n\/\/ wcp: exports called without JSPI/);
  });

  it('is what generateBindings returns for the bench handler', async () => {
    const { world, component } = await lightGlueOf(handlerWit, handlerWat);
    const b = await generateBindings(component, world, false, undefined, () => undefined);
    expect(new TextDecoder().decode(b.files.find(([n]) => n.endsWith('.js'))![1])).toContain('_wcpPromising(exports0[');
  }, 60_000);
});
