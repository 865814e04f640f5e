/**
 * Cheaper lowering of strings and byte lists into guest memory in the JS glue that
 * jco-transpile 0.15 `generate` emits (applied by lightenJspiGlue to pure WASI 0.2 glue).
 *
 * A host function returning many small strings and byte lists (a `get-range` page of 10,000
 * pairs, a replayed message's `data`) lowers each through jco's generic code: per string a
 * new `Uint8Array` view of guest memory plus a `TextEncoder.encodeInto` call, per byte list
 * two new views (source and target) before the copy. At 100,000 pairs per scan those views
 * and calls were most of the run worker's lowering time, and much of its garbage.
 *
 * What changes, nothing else:
 * - `_utf8AllocateAndEncode`: once jco's own loop has sized the string, an ASCII string
 *   (its UTF-8 length equals its UTF-16 length, which holds only when every unit is below
 *   0x80) of at most {@link ASCII_LOOP_MAX} units is written byte by byte into one cached
 *   view of guest memory; any other string goes through `encodeInto` as before. The same
 *   `realloc(0, 0, 1, len)` call is made either way, so the guest sees the same allocations.
 * - `list<u8>` from a `Uint8Array`: copied with one `set` into the cached view; an array of
 *   numbers, an `ArrayBuffer` or another view takes jco's path as before.
 * Both keep jco's out-of-bounds failure (a RangeError, the guest traps).
 * The cached view is renewed whenever `memory.buffer` changes (memory growth detaches it).
 * Every rewrite matches jco's text exactly; glue that differs is left as generated.
 */

/** Longest ASCII string written by the JS loop; longer ones are faster through encodeInto. */
export const ASCII_LOOP_MAX = 64;

const MARKER = '_wcpBytes';

/** The memory view helper, next to jco's cached DataView of the same memory. */
const DATA_VIEW = '\n  const dataView = mem => dv.buffer === mem.buffer ? dv : dv = new DataView(mem.buffer);\n';
const BYTES_VIEW = `
  // wcp: one byte view per memory buffer for string and byte-list lowering (src/toolchain/fastLowering.ts)
  let _wcpU8 = new Uint8Array(0);
  const ${MARKER} = mem => _wcpU8.buffer === mem.buffer ? _wcpU8 : _wcpU8 = new Uint8Array(mem.buffer);
`;

const ENCODE = `    const ptr = realloc(0, 0, 1, len);
    const { read, written } = TEXT_ENCODER_UTF8.encodeInto(
    s,
    new Uint8Array(memory.buffer, ptr, len),
    );
    if (read !== s.length || written !== len) {
      throw new Error('failed to encode whole string');
    }
`;
const ENCODE_FAST = `    const ptr = realloc(0, 0, 1, len);
    if (len === s.length && len <= ${ASCII_LOOP_MAX}) {
      // wcp: ASCII (one UTF-8 byte per UTF-16 unit): written directly, no view or encoder call.
      const bytes = ${MARKER}(memory);
      if (ptr < 0 || ptr + len > bytes.length) throw new RangeError('Start offset ' + ptr + ' is outside the bounds of the buffer');
      for (let i = 0; i < len; i++) bytes[ptr + i] = s.charCodeAt(i);
      return { ptr, len, codepoints };
    }
${ENCODE.slice(ENCODE.indexOf('\n') + 1)}`;

/** jco's copy of a typed array into a list<u8> (`N` its variable number). */
const BYTE_COPY = /\n( *)valData(\d+) = new Uint8Array\(val\2\.buffer \|\| val\2, val\2\.byteOffset, valLenBytes\2\);\n *const out\2 = new Uint8Array\((memory\d+)\.buffer, ptr\2, valLenBytes\2\);\n *out\2\.set\(valData\2\);/g;

/** The glue with the fast paths above, or unchanged when it has none of jco's expected text (or has them already). */
export function lowerFaster(js: string): string {
  if (js.includes(MARKER) || !js.includes(DATA_VIEW)) return js;
  let out = js;
  let changed = false;
  if (out.split(ENCODE).length === 2 && out.includes('\n  function _utf8AllocateAndEncode(s, realloc, memory) {\n')) {
    out = out.replace(ENCODE, () => ENCODE_FAST);
    changed = true;
  }
  out = out.replace(BYTE_COPY, (whole: string, indent: string, n: string, memory: string) => {
    // Only a list of u8 (jco sizes it as `lenN * 1`).
    if (!out.includes(`const valLenBytes${n} = len${n} * 1;`)) return whole;
    changed = true;
    return `\n${indent}if (val${n} instanceof Uint8Array) ${MARKER}(${memory}).set(val${n}, ptr${n}); else {${whole}\n${indent}}`;
  });
  return changed ? out.replace(DATA_VIEW, () => DATA_VIEW + BYTES_VIEW) : js;
}
