// Test-only helpers: build a dummy component for a world with jco and read back which
// trampolines jco made suspending (JSPI) and which exports it wrapped with `promising`.
import { componentEmbed, componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init, generate } from '@bytecodealliance/jco-transpile/component';

/** Embeds a dummy core module for `world` of `witSource` and wraps it as a component. */
export async function buildDummyComponent(witSource: string, world: string): Promise<Uint8Array> {
  const core = await componentEmbed({ dummy: true, witSource, world });
  return componentNew(core);
}

/** What jco's JSPI output did with a component's imports and exports. */
export interface JspiReport {
  /** Every import trampoline jco generated (resource drops excluded), by JSPI name. */
  allImports: string[];
  /** Those whose trampoline is flagged `manuallyAsync` (wrapped in `WebAssembly.Suspending`). */
  suspendingImports: string[];
  /** Exports wrapped with `WebAssembly.promising`. */
  promisingExports: string[];
}

/** Transpiles with the given JSPI lists and inspects the generated JS. */
export async function inspectJspi(component: Uint8Array, imports: string[], exports: string[]): Promise<JspiReport> {
  await $init;
  const out = generate(component, { name: 'guest', asyncMode: { tag: 'jspi', val: { imports, exports } } });
  const js = new TextDecoder().decode(out.files.find(([n]) => n === 'guest.js')![1]);
  const allImports: string[] = [];
  const suspendingImports: string[] = [];
  const blocks = js.split(/\nconst (?=_trampoline\d+ = (?:async )?function)/).slice(1);
  for (const block of blocks) {
    const id = /^_trampoline(\d+)/.exec(block)![1];
    const m = /\[iface="([^"]+)", function="([^"]+)"\]/.exec(block);
    if (!m || m[2].startsWith('[resource-drop]')) continue;
    const name = !m[1].includes(':') && m[1] === m[2] ? m[2] : `${m[1]}#${m[2]}`;
    allImports.push(name);
    if (js.includes(`_trampoline${id}.manuallyAsync = true;`)) suspendingImports.push(name);
  }
  const promisingExports = [...js.matchAll(/WebAssembly\.promising\(exports\d+\['cm32p2\|([^|']*)\|([^']+)'\]\)/g)]
    .filter((m) => !m[2].endsWith('_post'))
    .map((m) => (m[1] ? `${m[1]}#${m[2]}` : m[2]));
  return { allImports, suspendingImports, promisingExports };
}
