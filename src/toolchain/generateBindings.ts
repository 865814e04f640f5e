import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init as bindgenReady, generate } from '@bytecodealliance/jco-transpile/component';
import type { WorldAnalysis } from './analyzeWit';
import type { TranspileFrom } from './buildComponent';
import { sameBytes } from '../platform/sameBytes';
import { bindingsShape, cachedBindings, coreModulesOf, storeBindings } from './bindingsCache';
import { lightenJspiGlue } from './lightenJspiGlue';
import { lightenJspiExports } from './lightenJspiExports';
import { plainExportsUnlessSuspending } from './plainExportsUnlessSuspending';
import { exposeAsyncTasks } from './exposeAsyncTasks';
import { wakeAsyncTicks } from './wakeAsyncTicks';
import { pinImportTasks } from './pinImportTasks';

/** jco generate's options for a world: async instantiation, JSPI for the world's async imports/exports. */
export function generateOptions(world: Pick<WorldAnalysis, 'asyncImports' | 'asyncExports'>, withTypes: boolean) {
  return {
    name: 'guest',
    instantiation: { tag: 'async' as const },
    noTypescript: !withTypes,
    asyncMode: { tag: 'jspi' as const, val: { imports: world.asyncImports, exports: world.asyncExports } },
  };
}

/** Generated files (core modules and JS bindings) and the component's printed WIT. */
export interface Bindings {
  files: [string, Uint8Array][];
  /** componentWit's output, or a `// could not print WIT: …` comment. */
  wit: string;
}

/**
 * jco generate plus the component's WIT, reusing the bindings of an earlier build of the same
 * shape (see bindingsCache): then only the new component's core modules are new. `lap`
 * times the steps ("generate" + "componentWit", or "bindingsReused"). Throws generate's error.
 */
export async function generateBindings(
  component: Uint8Array,
  world: WorldAnalysis,
  withTypes: boolean,
  knownWit: string | undefined,
  lap: (step: string) => void,
  from?: TranspileFrom,
): Promise<Bindings> {
  if (from) {
    const fromShell = await bindingsFromShell(from, world, withTypes, knownWit, lap);
    if (fromShell) return fromShell;
  }
  const options = generateOptions(world, withTypes);
  const shape = bindingsShape(component, options);
  const modules = shape ? coreModulesOf(component) : undefined;
  const hit = shape && modules ? cachedBindings(shape) : undefined;
  if (hit && modules && hit.moduleNames.length === modules.length) {
    // Copies, not views: posting a view would clone the whole component's buffer.
    const byName = new Map<string, Uint8Array>([...hit.files, ...hit.moduleNames.map((n, i) => [n, modules[i].slice()] as const)]);
    const files = hit.order.map((n) => [n, byName.get(n)!] as [string, Uint8Array]);
    lap('bindingsReused');
    return { files, wit: knownWit ?? hit.wit };
  }
  await bindgenReady;
  const out = withLightGlue(generate(component, options));
  lap('generate');
  const wit = knownWit ?? (await componentWit(component).catch((e: unknown) => `// could not print WIT: ${e instanceof Error ? e.message : String(e)}`));
  lap('componentWit');
  const wasm = out.files.filter(([n]) => n.endsWith('.wasm'));
  // Cached only when jco's module files are the component's modules, in order, byte for byte
  // (what reuse assumes), and the WIT printed: a failure is not remembered.
  if (shape && modules && !wit.startsWith('//') && wasm.length === modules.length && wasm.every(([, b], i) => sameBytes(b, modules[i]))) {
    storeBindings(shape, {
      files: out.files.filter(([n]) => !n.endsWith('.wasm')).map(([n, b]) => [n, b.slice()] as const),
      moduleNames: wasm.map(([n]) => n),
      order: out.files.map(([n]) => n),
      wit,
    });
  }
  return { files: out.files, wit };
}

/**
 * The bindings of `from.shell` (through the cache like any component's) with its module files
 * swapped for `from.modules`; undefined when jco's module files are not the shell's modules in
 * order, byte for byte (then the caller transpiles the component itself).
 */
async function bindingsFromShell(from: TranspileFrom, world: WorldAnalysis, withTypes: boolean, knownWit: string | undefined, lap: (step: string) => void): Promise<Bindings | undefined> {
  const shellModules = coreModulesOf(from.shell);
  if (!shellModules || shellModules.length !== from.modules.length) return undefined;
  const out = await generateBindings(from.shell, world, withTypes, knownWit, lap);
  const wasm = out.files.filter(([n]) => n.endsWith('.wasm'));
  if (wasm.length !== shellModules.length || !wasm.every(([, b], i) => sameBytes(b, shellModules[i]))) return undefined;
  let next = 0;
  return { files: out.files.map(([n, b]): [string, Uint8Array] => (n.endsWith('.wasm') ? [n, from.modules[next++]!] : [n, b])), wit: out.wit };
}

/**
 * jco's output with the JS glue given the light JSPI import and export paths (see
 * lightenJspiGlue, lightenJspiExports) and exports called without JSPI when no import can
 * suspend (plainExportsUnlessSuspending), 0.3 glue reporting its unfinished tasks
 * (exposeAsyncTasks), calling 0.2 imports as the task that made the call (pinImportTasks)
 * and scheduling its tasks without timers' delays (wakeAsyncTicks), so
 * the bindings cache holds and reuses the light glue. A rewrite that fails leaves jco's glue.
 */
function withLightGlue<T extends { files: [string, Uint8Array][] }>(out: T): T {
  const files = out.files.map(([name, bytes]): [string, Uint8Array] => {
    if (!name.endsWith('.js')) return [name, bytes];
    try {
      const light = lightenJspiGlue(new TextDecoder().decode(bytes));
      const lighter = lightenJspiExports(light.js);
      const plain = plainExportsUnlessSuspending(lighter.js);
      if (plain !== undefined) return [name, new TextEncoder().encode(plain)];
      // 0.3 glue (the rewrites above leave it alone) reports its unfinished tasks to the
      // worker, attributes each 0.2 import to the task that called it and schedules its
      // tasks without timers' delays.
      const counted = exposeAsyncTasks(lighter.js) ?? lighter.js;
      const pinned = pinImportTasks(counted) ?? counted;
      const p3 = wakeAsyncTicks(pinned) ?? pinned;
      if (p3 !== lighter.js) return [name, new TextEncoder().encode(p3)];
      return light.lightened.length || lighter.lightened.length ? [name, new TextEncoder().encode(lighter.js)] : [name, bytes];
    } catch {
      return [name, bytes];
    }
  });
  return { ...out, files };
}
