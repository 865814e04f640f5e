import type { Diagnostic } from '../protocol/buildProtocol';
import { parseWit } from '../wit/parseWit';
import { interfaceId, type WitInterface } from '../wit/witModel';
import { findImport } from './locateImportMismatch';

const IMPORT = /\(\s*import\s+"([^"]+)"\s+"([^"]+)"/g;

/**
 * A WAT guest importing a WASI 0.3 `async func` by its plain name: a synchronous call of an
 * async function. The component model allows it and wit-component builds it, but the
 * JavaScript runtime here (jco's async intrinsics) traps on the first call with "subtask
 * cannot deliver resolution twice", which says nothing about the line at fault. Said at
 * build time instead, on the import, with the name that works. Undefined when there is none.
 */
export function locateSyncCallOfAsync(watSource: string, worldSource: string): Diagnostic | undefined {
  if (!/\basync\s+func\b/.test(worldSource)) return undefined;
  const parsed = parseWit(worldSource);
  if (!parsed.ok) return undefined;
  // Parsed once for every import (the world source holds each package it uses, whole).
  const interfaces = new Map<string, WitInterface>(parsed.doc.packages.flatMap((p) => p.interfaces.map((i): [string, WitInterface] => [interfaceId(p, i), i])));
  for (const [, iface, name] of watSource.matchAll(IMPORT) as IterableIterator<[string, string, string]>) {
    if (name.startsWith('[') && !/^\[(method|static|constructor)\]/.test(name)) continue;
    const f = interfaces.get(iface)?.functions.find((fn) => fn.jcoName === name);
    if (!f?.async) continue;
    const at = findImport(watSource, iface, name);
    return {
      file: 'guest',
      line: at.line,
      column: at.column,
      ...(at.endColumn ? { endColumn: at.endColumn } : {}),
      message:
        `import "${name}" is an async func (WASI 0.3): import it as "[async-lower]${name}", which returns a status word at once ` +
        `and writes the result when the subtask returns (the 0.3 examples show how; the editor completes it after (import "). ` +
        `The component model also allows calling an async func synchronously, but the JavaScript runtime here (jco) traps on such a call.`,
    };
  }
  return undefined;
}
