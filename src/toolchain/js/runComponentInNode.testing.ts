// Test helper (Node only): transpile a component with jco-transpile and instantiate it with
// preview2-shim for the wasi:* imports plus the given host imports.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';

type Exports = Record<string, (...args: unknown[]) => unknown>;

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** jco-transpile output: file name → bytes, plus the import specifiers of the component. */
export interface Transpiled {
  files: Map<string, Uint8Array>;
  imports: string[];
}

/** Transpiles a component the way the runtime does (instantiation mode, core modules as files). */
export async function transpileComponent(component: Uint8Array): Promise<Transpiled> {
  await $init;
  const out = generate(component, { name: 'guest', noTypescript: true, instantiation: { tag: 'async' } });
  return { files: new Map(out.files), imports: out.imports };
}

/** Instantiates transpiled output in Node and returns its exports (sync functions, no JSPI here). */
export async function instantiateTranspiled(
  transpiled: Transpiled,
  hostImports: Record<string, Record<string, unknown>>,
): Promise<{ run: () => unknown } & Exports> {
  const dir = await mkdtemp(join(tmpdir(), 'jsguest-'));
  await Promise.all([...transpiled.files].map(([name, data]) => writeFile(join(dir, name), data)));
  const imports: Record<string, unknown> = { ...hostImports };
  for (const spec of transpiled.imports) {
    if (imports[spec]) continue;
    const m = /^wasi:([a-z-]+)\/([a-z-]+)$/.exec(spec);
    if (!m) throw new Error(`test host has no implementation for import ${spec}`);
    const shim = (await import(`@bytecodealliance/preview2-shim/${m[1]}`)) as Record<string, unknown>;
    imports[spec] = shim[camel(m[2]!)];
  }
  const mod = (await import(pathToFileURL(join(dir, 'guest.js')).href)) as {
    instantiate: (get: (n: string) => Promise<WebAssembly.Module>, imports: unknown) => Promise<Exports>;
  };
  const files = transpiled.files;
  const exports = await mod.instantiate((name) => WebAssembly.compile(files.get(name)! as Uint8Array<ArrayBuffer>), imports);
  return exports as { run: () => unknown } & Exports;
}

/** Transpiles and instantiates `component` in one go. */
export async function runComponentInNode(
  component: Uint8Array,
  hostImports: Record<string, Record<string, unknown>>,
): Promise<{ run: () => unknown } & Exports> {
  return instantiateTranspiled(await transpileComponent(component), hostImports);
}
