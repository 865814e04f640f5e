import type { Diagnostic } from '../protocol/buildProtocol';

/**
 * Finds where in the WAT text an error belongs.
 * - Text errors from wasm-tools `parse` carry `line: L, col: C` (0-based) of the source.
 * - Validation errors come from compiling the core module with V8 (`... @+32`, a byte offset
 *   into the binary; wasm-tools' own offsets point into the component, which is useless
 *   here); we find the function whose body holds that offset and point at its `(func`.
 */
export function locateWatError(message: string, wat: string, binary?: Uint8Array): Diagnostic {
  const text = message.match(/line: (\d+), col: (\d+)/);
  const kind = message.match(/kind: Custom\("([^"]*)"\)/)?.[1] ?? message.match(/kind: (\w+)/)?.[1];
  if (text) {
    const line = Number(text[1]) + 1;
    const column = Number(text[2]) + 1;
    return { file: 'guest', line, column, endColumn: endOfToken(wat, line, column), message: `WAT: ${kind ?? message}` };
  }
  const clean = cleanMessage(message);
  // V8's CompileError for the core module: "Compiling function #0 failed: ... @+32".
  const offset = message.match(/@\+(\d+)\s*$/);
  if (offset && binary) {
    const funcIndex = definedFunctionAt(binary, Number(offset[1]));
    if (funcIndex !== undefined) {
      const pos = nthFuncPosition(wat, funcIndex);
      if (pos) return { file: 'guest', ...pos, endColumn: pos.column + 5, message: `${clean} (in function #${funcIndex})` };
    }
  }
  return { file: 'build', line: 1, column: 1, message: clean };
}

/** Drops the wrapper noise ("failed to encode a component from module\n$...") jco adds. */
export function cleanMessage(message: string): string {
  return message
    .replace(/^failed to encode a component from module\n\$?/, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\d+: /, ''))
    .filter((line) => line && line !== 'Caused by:')
    .join(': ');
}

function endOfToken(src: string, line: number, column: number): number {
  const text = src.split('\n')[line - 1] ?? '';
  const rest = text.slice(column - 1).match(/^[^\s()]+/);
  return column + Math.max(1, rest ? rest[0].length : 1);
}

/** Position of the n-th `(func` form (imports are not counted: they have no body). */
function nthFuncPosition(wat: string, n: number): { line: number; column: number } | undefined {
  const stripped = wat.replace(/;;[^\n]*/g, (m) => ' '.repeat(m.length));
  const re = /\(func\b/g;
  let seen = 0;
  for (let m = re.exec(stripped); m; m = re.exec(stripped)) {
    const before = stripped.slice(Math.max(0, m.index - 40), m.index);
    if (/\(import\s+"[^"]*"\s+"[^"]*"\s*$/.test(before)) continue;
    if (seen++ === n) {
      const lines = stripped.slice(0, m.index).split('\n');
      return { line: lines.length, column: lines[lines.length - 1].length + 1 };
    }
  }
  return undefined;
}

/** Index (among defined functions) of the code-section body that contains `offset`. */
function definedFunctionAt(bin: Uint8Array, offset: number): number | undefined {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bin[p++];
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) return result >>> 0;
    }
  };
  while (p < bin.length) {
    const id = bin[p++];
    const size = leb();
    const end = p + size;
    if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const bodySize = leb();
        if (offset >= p && offset < p + bodySize) return i;
        p += bodySize;
      }
      return undefined;
    }
    p = end;
  }
  return undefined;
}
