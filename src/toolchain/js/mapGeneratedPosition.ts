// Maps positions in type-stripped JS back to the user's TypeScript using the source map that
// transpileModule emits: erased interfaces and type aliases shift lines, and engine errors
// ("source.js:12:5 ...") must point at what the user actually wrote.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping: generated column → original line/column (all 0-based). */
type Segment = [genCol: number, srcLine: number, srcCol: number];

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`invalid source map character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Decodes a v3 source map's `mappings` into per-generated-line segments. */
function decodeMappings(mappings: string): Segment[][] {
  let srcLine = 0;
  let srcCol = 0;
  return mappings.split(';').map((line) => {
    let genCol = 0;
    const segments: Segment[] = [];
    for (const part of line.split(',')) {
      if (!part) continue;
      const v = decodeVlq(part);
      genCol += v[0]!;
      if (v.length < 4) continue; // segment without a source position
      srcLine += v[2]!;
      srcCol += v[3]!;
      segments.push([genCol, srcLine, srcCol]);
    }
    return segments;
  });
}

/**
 * Returns a function mapping a 1-based generated (line, column) to the original 1-based
 * position: the closest mapping at or before the column on that line, else the line's first.
 */
export function createPositionMapper(sourceMapJson: string): (line: number, column: number) => { line: number; column: number } {
  const lines = decodeMappings((JSON.parse(sourceMapJson) as { mappings: string }).mappings);
  return (line, column) => {
    const segments = lines[line - 1] ?? [];
    let best = segments[0];
    for (const seg of segments) if (seg[0] <= column - 1) best = seg;
    if (best) return { line: best[1] + 1, column: best[2] + 1 };
    // No mapping on this line (e.g. a blank line): use the nearest mapped line above it.
    for (let l = Math.min(line - 1, lines.length) - 1; l >= 0; l--) {
      const last = lines[l]![lines[l]!.length - 1];
      if (last) return { line: last[1] + 1, column: 1 };
    }
    return { line, column };
  };
}
