import type { Diagnostic } from '../protocol/buildProtocol';
import { findWitInterface } from '../wit/findWitInterface';
import { closestName } from './closestName';
import { cleanMessage } from './locateWatError';

// wit-component's wording when a core module imports what the world does not offer.
const MISSING_FUNCTION = /import interface `([^`]+)` is missing function `([^`]+)`/;
const UNKNOWN_IMPORT = /failed to resolve import `([^`]+)::([^`]+)`/;

/**
 * Turns componentNew's "module imports something the world doesn't have" error into a marker on
 * the WAT import line that names it, saying which functions the world's interface does offer
 * (`incrementz` → "… expects one of: increment, get, …"). Returns undefined for other errors.
 */
export function locateImportMismatch(message: string, watSource: string, worldSource: string): Diagnostic | undefined {
  const m = MISSING_FUNCTION.exec(message) ?? UNKNOWN_IMPORT.exec(message);
  if (!m) return undefined;
  const [, iface, fn] = m as unknown as [string, string, string];
  const at = findImport(watSource, iface, fn);
  const offered = interfaceFunctions(worldSource, iface);
  const nearest = offered && closestName(fn, offered);
  const text = !offered
    ? `the world does not import interface "${iface}", so "${fn}" cannot be imported from it. Add \`import ${iface};\` to the world or fix the module name.`
    : `the world's "${iface}" has no function "${fn}"${nearest ? ` (did you mean "${nearest}"?)` : ''}. It expects one of: ${offered.join(', ')}.`;
  return { file: 'guest', line: at.line, column: at.column, ...(at.endColumn ? { endColumn: at.endColumn } : {}), message: `import ${text}\n(${cleanMessage(message)})` };
}

/** Position of `"fn"` in the `(import "iface" "fn"` that names it (or of the interface alone). */
export function findImport(source: string, iface: string, fn: string): { line: number; column: number; endColumn?: number } {
  const lines = source.split('\n');
  const quotedFn = `"${fn}"`;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.includes(`"${iface}"`) || !/\(\s*import\b/.test(l)) continue;
    const col = l.indexOf(quotedFn, l.indexOf(`"${iface}"`));
    if (col >= 0) return { line: i + 1, column: col + 1, endColumn: col + 1 + quotedFn.length };
  }
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.indexOf(quotedFn);
    if (col >= 0) return { line: i + 1, column: col + 1, endColumn: col + 1 + quotedFn.length };
  }
  return { line: 1, column: 1 };
}

/** Canonical-ABI names of an interface `ns:pkg/name@version` in the resolved WIT, or undefined. */
function interfaceFunctions(worldSource: string, iface: string): string[] | undefined {
  return findWitInterface(worldSource, iface)?.functions.map((f) => f.jcoName);
}
