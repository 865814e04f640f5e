// Shared by the glue-rewrite tests (lightenJspiExports, plainExportsUnlessSuspending): load a
// generated JS glue module in Node and record what each export call did, success or throw.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { componentNew, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { analyzeWit } from './analyzeWit';
import { embedWorld } from './embedWorld';
import { generateOptions } from './generateBindings';
import { examples } from '../examples/index';

const dir = mkdtempSync(join(tmpdir(), 'wcp-glue-'));
let loaded = 0;

type GlueModule = { instantiate: (get: (n: string) => Promise<WebAssembly.Module>, imports: unknown) => Promise<Record<string, unknown>> };

/** Writes `js` (jco glue) to a fresh file and imports it (it may fail to load: the caller checks). */
export async function importGlue(js: string): Promise<Partial<GlueModule>> {
  const file = join(dir, `glue${loaded++}.mjs`);
  writeFileSync(file, js);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Partial<GlueModule>;
}

/** {@link importGlue}, then instantiates it with `modules` and `imports`. */
export async function instantiateGlue(js: string, modules: Map<string, Uint8Array>, imports: Record<string, unknown>) {
  const mod = (await importGlue(js)) as GlueModule;
  return mod.instantiate((n) => WebAssembly.compile(modules.get(n)! as BufferSource), imports);
}

/** What one call did: its value, or the class, message and payload of what it threw. */
export type Outcome = { ok: unknown } | { threw: string; message: string; payload?: unknown };

/** Runs `p` and records its {@link Outcome}. */
export async function outcome(p: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: await p() };
  } catch (e) {
    const err = e as Error & { payload?: unknown };
    return { threw: err.constructor.name, message: err.message, ...(err.payload !== undefined ? { payload: err.payload } : {}) };
  }
}

/**
 * What jco generates for a WAT guest of the given WIT, as a build does before its rewrites:
 * the glue's text, the core modules by file name, the world and the component.
 */
export async function generateGlue(wit: string, wat: string) {
  await $init;
  const a = analyzeWit(wit);
  if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
  const component = await componentNew(await embedWorld(await parse(wat), a.world));
  const out = generate(component, generateOptions(a.world, false));
  const js = new TextDecoder().decode(out.files.find(([n]) => n.endsWith('.js'))![1]);
  return { js, modules: new Map(out.files.filter(([n]) => n.endsWith('.wasm'))), world: a.world, component };
}

/** jco's glue text alone (see {@link generateGlue}). */
export async function glueOf(wit: string, wat: string): Promise<string> {
  return (await generateGlue(wit, wat)).js;
}

/** Every WAT guest of every example, named `example/guest`. */
export function exampleWatGuests(): Array<{ id: string; wit: string; wat: string }> {
  return examples.flatMap((ex) => ex.guests.filter((x) => x.lang === 'wat').map((x) => ({ id: `${ex.id}/${x.name}`, wit: x.wit, wat: x.source })));
}
