import type { Diagnostic } from '../protocol/buildProtocol';
import { closestName } from './closestName';

// wit-component's wording when a core module's export does not fit the world (componentNew).
const WRONG_TYPE = /type mismatch for function `([^`]+)`: expected `([^`]*)` but found `([^`]*)`/;
const MISSING = /failed to find export of function `([^`]+)`/;

/**
 * Turns componentNew's "this export does not fit the world" errors into markers where the
 * two sides are written: on the WAT export and on the WIT function. The core types come in
 * WAT's words (`(result i32)`, not `[] -> [I32]`), since a learner edits WAT; the WIT line
 * says what the canonical ABI makes of it. Before, one marker sat on line 1 of the guest
 * with "expected `[] -> [I32]` but found `[] -> [I64]`". Undefined for other errors.
 */
export function locateExportMismatch(message: string, watSource: string, userWit: string): Diagnostic[] | undefined {
  const wrong = WRONG_TYPE.exec(message);
  const missing = wrong ? undefined : MISSING.exec(message);
  const name = wrong?.[1] ?? missing?.[1];
  if (!name) return undefined;
  // Interface exports are named "ns:pkg/iface@v#fn"; the WIT declares `fn: func…`.
  const fn = name.includes('#') ? name.slice(name.indexOf('#') + 1) : name;
  const witAt = findWitFunction(userWit, fn);
  const witLine = witAt && userWit.split('\n')[witAt.line - 1]!.trim();
  const out: Diagnostic[] = [];
  if (wrong) {
    const [, , expected = '', found = ''] = wrong;
    const exportAt = findExport(watSource, name) ?? { line: 1, column: 1 };
    const why = `export "${name}" has the core type ${asWat(found)}, but the world's ${fn} needs ${asWat(expected)}`;
    out.push({ file: 'guest', ...exportAt, message: `${why}${witLine ? ` (the canonical ABI's lowering of \`${witLine}\`)` : ''}.` });
    if (witAt) out.push({ file: 'wit', ...witAt, companion: true, message: `the guest's "${name}" does not match this: it is ${asWat(found)}, this lowers to ${asWat(expected)}.` });
    return out;
  }
  const text = `the world exports ${fn}, but the module has no (export "${name}")`;
  // A near miss (`"Run"` for `"run"`) is marked where it is written, with the name it should have.
  const exports = exportNames(watSource);
  const meant = closestName(name, exports);
  const meantAt = meant === undefined ? undefined : findExport(watSource, meant);
  if (meant !== undefined && meantAt) {
    const caseOnly = meant.toLowerCase() === name.toLowerCase() ? ' (export names must match exactly, letter case too)' : '';
    out.push({ file: 'guest', ...meantAt, message: `found (export "${meant}"): did you mean "${name}"? The ${text.slice(4)}${caseOnly}.` });
    if (witAt) out.push({ file: 'wit', ...witAt, companion: true, message: `${text}; it has (export "${meant}") on line ${meantAt.line}: did you mean "${name}"?` });
    return out;
  }
  out.push({ file: 'guest', ...moduleLine(watSource), message: `${text}: add a function with that export name.` });
  if (witAt) out.push({ file: 'wit', ...witAt, companion: true, message: `${text}.` });
  return out;
}

/** Every name the WAT exports, in order: `(export "name")` on functions, memories and the like. */
function exportNames(source: string): string[] {
  return [...source.matchAll(/\(\s*export\s+"([^"]*)"/g)].map((m) => m[1]!);
}

/** The `(module` line: where a missing export belongs (line 1 is often a comment). */
export function moduleLine(source: string): { line: number; column: number } {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => /^\s*\(\s*module\b/.test(l));
  return i < 0 ? { line: 1, column: 1 } : { line: i + 1, column: lines[i]!.indexOf('(') + 1 };
}

/** `[I32, I32] -> [I64]` as WAT writes it: `(param i32 i32) (result i64)`; `(no params, no result)` for `[] -> []`. */
export function asWat(signature: string): string {
  const m = /^\[([^\]]*)\]\s*->\s*\[([^\]]*)\]$/.exec(signature.trim());
  if (!m) return `\`${signature}\``;
  const list = (s: string) => s.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean).join(' ');
  const params = list(m[1]!);
  const results = list(m[2]!);
  const parts = [params && `(param ${params})`, results && `(result ${results})`].filter(Boolean);
  return parts.length ? `\`${parts.join(' ')}\`` : '`(no params, no result)`';
}

/** Where `(export "name")` is written in the WAT, the quoted name marked. */
function findExport(source: string, name: string): { line: number; column: number; endColumn: number } | undefined {
  const quoted = `"${name}"`;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const at = l.indexOf(quoted);
    if (at >= 0 && /\(\s*export\s*$/.test(l.slice(0, at))) return { line: i + 1, column: at + 1, endColumn: at + 1 + quoted.length };
  }
  return undefined;
}

/** Where `fn: func` is declared in the user's WIT (not in a dependency it pulls in). */
export function findWitFunction(wit: string, fn: string): { line: number; column: number; endColumn: number } | undefined {
  const decl = new RegExp(`(^|[\\s;{])(${fn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\s*:\\s*(async\\s+)?func\\b`);
  const lines = wit.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*\/\//.test(lines[i]!)) continue;
    const m = decl.exec(lines[i]!);
    if (m) {
      const column = m.index + m[1]!.length + 1;
      return { line: i + 1, column, endColumn: column + fn.length };
    }
  }
  return undefined;
}
