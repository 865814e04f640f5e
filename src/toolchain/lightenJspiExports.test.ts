import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerWat, handlerWit } from '../../bench/messagingGuests';
import { generateBindings } from './generateBindings';
import { lightenJspiGlue } from './lightenJspiGlue';
import { lightenJspiExports } from './lightenJspiExports';
import { importGlue, instantiateGlue as instantiate, outcome, type Outcome, generateGlue, exampleWatGuests } from './loadGlue.testing';

/** A guest whose export calls a JSPI import, returns ok or err, or traps (n = 13). */
const runWit = `package local:light-export-test;
interface host { note: func(n: u32) -> u32; }
world w {
  import host;
  export run: func(n: u32) -> result<u32, string>;
}`;
const runWat = `(module
  (import "local:light-export-test/host" "note" (func $note (param i32) (result i32)))
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
    (i32.store (i32.const 20) (i32.add (call $note (local.get $n)) (i32.const 1)))
    (i32.const 16)))`;



/** Instantiates glue text with the given host imports (JSPI stubbed: Node has none; host calls answer synchronously). */

/** Both paths, jco's and the light one, of the same glue. */
async function bothPaths(wit: string, wat: string) {
  const b = await generateGlue(wit, wat);
  const light = lightenJspiExports(lightenJspiGlue(b.js).js);
  return { ...b, light };
}


const wasm = WebAssembly as unknown as Record<string, unknown>;
const saved = { promising: wasm.promising, Suspending: wasm.Suspending };
beforeAll(() => {
  wasm.promising = (f: (...a: unknown[]) => unknown) => async (...a: unknown[]) => f(...a);
  wasm.Suspending = function Suspending(f: unknown) {
    return f;
  };
});
afterAll(() => Object.assign(wasm, saved));

describe('lightenJspiExports', () => {
  it('gives the export the light path and behaves as jco: results, err payloads, traps, host calls', async () => {
    const { js: jco, modules, light } = await bothPaths(runWit, runWat);
    expect(light.lightened).toEqual(['run']);
    // The baseline has the light imports too: jco's import path needs real JSPI (Node has none).
    const js = lightenJspiGlue(jco).js;
    expect(light.js).not.toMatch(/createNewCurrentTask\(\{\n *componentIdx: 0,\n *isAsync: false,\n *isManualAsync: true/);
    const runs: Record<string, { outcomes: Outcome[]; notes: number[] }> = {};
    for (const [name, text] of [['jco', js], ['light', light.js]] as const) {
      const notes: number[] = [];
      const inst = await instantiate(text, modules, { 'local:light-export-test/host': { note: (n: number) => (notes.push(n), n * 10) } });
      const run = inst.run as (n: number) => Promise<unknown>;
      const outcomes: Outcome[] = [];
      // ok, ok, err, concurrent calls (in order, never overlapping), a trap, then refused entry.
      outcomes.push(await outcome(() => run(2)), await outcome(() => run(4)), await outcome(() => run(3)));
      outcomes.push(...(await Promise.all([6, 7, 8].map((n) => outcome(() => run(n))))));
      outcomes.push(await outcome(() => run(13)), await outcome(() => run(2)));
      runs[name] = { outcomes, notes };
    }
    expect(runs.light).toEqual(runs.jco);
    expect(runs.jco.outcomes.slice(0, 3)).toEqual([{ ok: 21 }, { ok: 41 }, { threw: 'ComponentError', message: 'odd', payload: 'odd' }]);
    expect(runs.jco.outcomes.at(-2)).toMatchObject({ threw: 'RuntimeError' });
    expect(runs.jco.outcomes.at(-1)).toMatchObject({ threw: 'RuntimeError', message: 'wasm trap: cannot enter component instance' });
  }, 60_000);

  it('keeps resource handling, the arrival order of overlapping calls and the lock after a bad argument (bench handler)', async () => {
    const { js, modules, light } = await bothPaths(handlerWit, handlerWat);
    expect(light.lightened).toEqual(['handle']);
    // No imports, so lightenJspiGlue left it; jco's debug log calls are skipped here too.
    expect(light.js).not.toMatch(/^\s*_debugLog\(/m);
    const runs: Record<string, { outcomes: Outcome[]; dropped: number[] }> = {};
    for (const [name, text] of [['jco', js], ['light', light.js]] as const) {
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
      runs[name] = { outcomes, dropped };
    }
    expect(runs.light).toEqual(runs.jco);
    expect(runs.jco.dropped).toEqual([1, 2, 3, 5, 6]);
    expect(runs.jco.outcomes[3]).toMatchObject({ threw: 'TypeError' });
  }, 60_000);

  it('lightens every 0.2 example export whose imports are all light, leaves p3 glue byte for byte, and the glue still loads', async () => {
    let lightened = 0;
    let p3 = 0;
    for (const g of exampleWatGuests()) {
      const { js } = await generateGlue(g.wit, g.wat);
      const imports = lightenJspiGlue(js).js;
      const out = lightenJspiExports(imports);
      if (/\bisAsync: true\b|\bfuncTypeIsAsync: true\b/.test(js)) {
        p3++;
        expect(out.js === imports, `${g.id}: p3 unchanged`).toBe(true);
        continue;
      }
      const wrappers = [...js.matchAll(/\n *async function (\w+)\([^)\n]*\) \{\n *\n *const hostProvided = false;/g)].map((m) => m[1]);
      expect([...out.lightened].sort(), g.id).toEqual(wrappers.sort());
      if (out.lightened.length === 0) continue;
      lightened++;
      expect(out.js.split('class _WcpExportTask {').length - 1, g.id).toBe(1);
      expect(lightenJspiExports(out.js).js, `${g.id}: idempotent`).toBe(out.js);
      expect(typeof (await importGlue(out.js)).instantiate, g.id).toBe('function');
    }
    expect(p3).toBeGreaterThanOrEqual(5);
    expect(lightened).toBeGreaterThanOrEqual(10);
  }, 300_000);

  it('leaves the glue as jco wrote it when a wrapper or an import is not the expected shape', async () => {
    const { js } = await generateGlue(runWit, runWat);
    const imports = lightenJspiGlue(js).js;
    // A wrapper that differs (as a later jco might emit): no export is rewritten.
    const odd = imports.replace('const started = await task.enter();', 'const started = await task.enter({ extra: 1 });');
    expect(odd).not.toBe(imports);
    expect(lightenJspiExports(odd)).toEqual({ js: odd, lightened: [] });
    // An import left on jco's path reads the caller's AsyncTask: the exports keep theirs.
    expect(lightenJspiExports(js)).toEqual({ js, lightened: [] });
    // An export that lends a borrow keeps jco's resource scope.
    const lends = imports.replace(/(async function run\(arg0\) \{[\s\S]*?let ret;)/, '$1 task.addResourceLender;');
    expect(lends).not.toBe(imports);
    expect(lightenJspiExports(lends).lightened).toEqual([]);
  }, 60_000);

  it('is what generateBindings returns for a 0.2 handler', async () => {
    const { world, component } = await generateGlue(handlerWit, handlerWat);
    const b = await generateBindings(component, world, false, undefined, () => undefined);
    expect(new TextDecoder().decode(b.files.find(([n]) => n.endsWith('.js'))![1])).toContain('new _WcpExportTask(0, ');
  }, 60_000);
});
