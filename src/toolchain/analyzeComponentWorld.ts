import type { Diagnostic } from '../protocol/buildProtocol';
import { findWitPackage } from '../wit/loadWitPackages';
import { analyzeWit, type AnalysisOutcome } from './analyzeWit';

/**
 * Namespaces the run worker serves itself (src/runtime/createWasiBase.ts), whatever their
 * version: componentize-js components import e.g. wasi:cli@0.2.12 through the preview1
 * adapter, and jco keys imports without versions.
 */
const BASE_PREFIXES = ['wasi:cli/', 'wasi:io/', 'wasi:clocks/', 'wasi:random/', 'wasi:filesystem/'];

/** True for an interface the runtime's WASI base serves (any version). */
export function isBaseInterface(id: string): boolean {
  return BASE_PREFIXES.some((p) => id.startsWith(p));
}

/** The `world root { … }` block of `componentWit` output, as lines, plus its interface imports/exports. */
export function readRootWorld(printed: string): { lines: string[]; imports: string[]; exports: string[] } {
  const start = printed.search(/^world\s+[\w-]+\s*\{/m);
  if (start < 0) throw new Error('the component has no world (is it a core module rather than a component?)');
  const open = printed.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < printed.length; end++) {
    if (printed[end] === '{') depth++;
    else if (printed[end] === '}' && --depth === 0) break;
  }
  const lines = printed.slice(open + 1, end).split('\n');
  const grab = (kw: string) =>
    lines.map((l) => new RegExp(`^\\s*${kw}\\s+([a-z][\\w-]*:[\\w-]+/[\\w-]+(?:@[\\w.+-]+)?)\\s*;`).exec(l)?.[1]).filter((x): x is string => !!x);
  return { lines, imports: grab('import'), exports: grab('export') };
}

/**
 * Analyses a component the user opened from disk: its own world (as `componentWit` prints
 * it) is rewritten as a user world — WASI base imports dropped, everything else kept — and
 * resolved against the shipped WIT packages, so the JSPI lists and exports come out exactly
 * as for a world the user wrote. Imports neither the base nor a shipped package serves are
 * reported by name.
 */
export function analyzeComponentWorld(printed: string): { outcome: AnalysisOutcome; baseImports: string[]; witText: string } {
  let world: ReturnType<typeof readRootWorld>;
  try {
    world = readRootWorld(printed);
  } catch (e) {
    return { outcome: fail((e as Error).message), baseImports: [], witText: '' };
  }
  const baseImports = world.imports.filter(isBaseInterface);
  const packageOf = (id: string) => id.replace(/\/[^@]*/, '');
  const unknown = [...world.imports, ...world.exports].filter((id) => !isBaseInterface(id) && !findWitPackage(packageOf(id)));
  if (unknown.length > 0) {
    return {
      outcome: fail(
        `this component uses interfaces the playground has no host for: ${unknown.join(', ')}. ` +
          'It can serve wasi:keyvalue, wasi:messaging, wasi:blobstore and wasi:config (the versions in the WIT picker) plus wasi:cli, wasi:io, wasi:clocks, wasi:random and an empty wasi:filesystem.',
      ),
      baseImports,
      witText: '',
    };
  }
  const kept = world.lines.filter((l) => {
    const m = /^\s*import\s+([^\s;]+)\s*;/.exec(l);
    return !(m && isBaseInterface(m[1]!));
  });
  const witText = `package local:opened;\n\nworld root {${kept.join('\n')}}\n`;
  return { outcome: analyzeWit(witText, 'root'), baseImports, witText };
}

function fail(message: string): AnalysisOutcome {
  const d: Diagnostic = { file: 'guest', line: 1, column: 1, message };
  return { ok: false, diagnostics: [d] };
}
