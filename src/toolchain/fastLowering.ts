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
 * - `list<string>`: jco's per-element loop (in the import's trampoline, a generator) becomes
 *   one call of a plain function (`_wcpLowerStrings`) making the same `realloc` calls in the
 *   same order and writing the same bytes, pointers and lengths. Why: each run is a fresh
 *   worker, so this code always runs cold, and a 10,000-key `get-keys` page is lowered in
 *   one go. Per key jco's loop called `_utf8AllocateAndEncode` (a sizing loop, a result
 *   object) and `dataView` twice; the plain loop checks a short ASCII key and writes it in
 *   two tight loops, with one `dataView` call. 10,000 keys in a fresh Chromium worker
 *   (the two loops alone, 10 alternating fresh workers each, load ~9): 7.1–8.6 → 4.2–5.7 ms
 *   (medians of two runs); the same loop already warm takes 1.5 ms.
 * - A `string` argument lifted from guest memory (`TEXT_DECODER_UTF8.decode` of a new view, in
 *   an import's trampoline): up to {@link ASCII_LOOP_MAX} bytes that are all ASCII are read
 *   from the cached view into a string directly (the same string: UTF-8 decodes each byte
 *   below 0x80 to that code unit); anything else, or a range outside the memory, takes
 *   jco's expression. A key-value guest passes a short key in every call, and the decoder
 *   call with its view was ~2% of the run worker's sampled time in a 1,000-op loop.
 * - A `list<u8>` argument lifted from guest memory (`new Uint8Array(memory.buffer.slice(…))`,
 *   in an import's trampoline): up to {@link ASCII_LOOP_MAX} bytes are copied from the
 *   cached view into a new `Uint8Array` of that length, the same bytes in an array of its
 *   own; longer lists, and ranges outside the memory, take jco's expression. Why: V8 keeps
 *   a small typed array made by length on its heap, while `slice` makes an ArrayBuffer with
 *   its own backing store every time. A flooding producer lifts a message's payload per
 *   send; in a worker the slice cost ~2 µs and the small copy ~0.35 µs (20,000 copies of 32
 *   bytes, medians of 7 rounds, two runs), and the backing stores are swept after every
 *   scavenge.
 * The string paths keep jco's out-of-bounds failure (a RangeError, the guest traps).
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

/** A string argument lifted from guest memory: short ASCII read directly, the rest decoded as jco does. */
const LIFT_STRING = `
  // wcp: short ASCII string arguments lifted without a view or decoder call (src/toolchain/fastLowering.ts)
  // Char codes of the string being lifted, reused: one fromCharCode makes one flat string
  // (adding a character at a time made a string per character).
  const _wcpCodes = [];
  function _wcpLiftString(memory, ptr, len) {
    if (len <= ${ASCII_LOOP_MAX} && ptr >= 0 && len >= 0) {
      const bytes = ${MARKER}(memory);
      if (ptr + len <= bytes.length) {
        let i = 0;
        for (; i < len; i++) {
          const b = bytes[ptr + i];
          if (b >= 0x80) break;
          _wcpCodes[i] = b;
        }
        if (i === len) {
          _wcpCodes.length = len;
          return String.fromCharCode.apply(null, _wcpCodes);
        }
      }
    }
    return TEXT_DECODER_UTF8.decode(new Uint8Array(memory.buffer, ptr, len));
  }
`;

/** A byte list argument lifted from guest memory: a short one copied into an array of its own, the rest as jco does. */
const LIFT_BYTES = `
  // wcp: short byte-list arguments lifted without a new ArrayBuffer (src/toolchain/fastLowering.ts)
  function _wcpLiftBytes(memory, ptr, len) {
    if (len <= ${ASCII_LOOP_MAX} && ptr >= 0 && len >= 0) {
      const bytes = ${MARKER}(memory);
      if (ptr + len <= bytes.length) {
        const out = new Uint8Array(len);
        for (let i = 0; i < len; i++) out[i] = bytes[ptr + i];
        return out;
      }
    }
    return new Uint8Array(memory.buffer.slice(ptr, ptr + len * 1));
  }
`;

/** jco's lifting of a `list<u8>` argument in a trampoline (`memoryN`, `ptrK`, `lenK`). */
const LIFT_BYTE_LIST = /new Uint8Array\((memory\d+)\.buffer\.slice\((ptr\d+), \2 \+ (len\d+) \* 1\)\)/g;

/** jco's lifting of a string argument in a trampoline (`memoryN`, `ptrK`, `lenK`). */
const LIFT = /TEXT_DECODER_UTF8\.decode\(new Uint8Array\((memory\d+)\.buffer, (ptr\d+), (len\d+)\)\)/g;

/** A `list<string>` lowered in one plain loop; strings that are not short ASCII take `_utf8AllocateAndEncode`. */
const LOWER_STRINGS = `
  // wcp: list<string> lowered in one plain loop (src/toolchain/fastLowering.ts)
  function _wcpLowerStrings(vec, list, realloc, memory) {
    for (let i = 0; i < vec.length; i++) {
      const s = vec[i];
      const n = typeof s === 'string' ? s.length : -1;
      // The string's length in UTF-8 once known (first: how many leading units are ASCII).
      let len = 0;
      if (n <= ${ASCII_LOOP_MAX}) while (len < n && s.charCodeAt(len) < 0x80) len++;
      let ptr = 0;
      if (n > 0 && len === n) {
        ptr = realloc(0, 0, 1, n);
        const bytes = ${MARKER}(memory);
        if (ptr < 0 || ptr + n > bytes.length) throw new RangeError('Start offset ' + ptr + ' is outside the bounds of the buffer');
        for (let j = 0; j < n; j++) bytes[ptr + j] = s.charCodeAt(j);
      } else {
        const res = _utf8AllocateAndEncode(s, realloc, memory);
        ptr = res.ptr;
        len = res.len;
      }
      const view = dataView(memory);
      view.setUint32(list + i * 8 + 4, len, true);
      view.setUint32(list + i * 8, ptr, true);
    }
  }
`;

/** jco's loop lowering a `list<string>` (vector `vecN` into `resultN`, 8 bytes per element). */
const STRING_LIST_LOOP =
  /\n( *)for \(let i = 0; i < vec(\d+)\.length; i\+\+\) \{\n *const e = vec\2\[i\];\n *const base = result\2 \+ i \* 8;\n *var encodeRes = _utf8AllocateAndEncode\(e, (realloc\d+), (memory\d+)\);\n *var ptr(\d+)= encodeRes\.ptr;\n *var len\5 = encodeRes\.len;\n *\n *dataView\(\4\)\.setUint32\(base \+ 4, len\5, true\);\n *dataView\(\4\)\.setUint32\(base \+ 0, ptr\5, true\);\n *\}/g;

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
  let strings = false;
  if (out.includes('\n  function _utf8AllocateAndEncode(s, realloc, memory) {\n')) {
    out = out.replace(STRING_LIST_LOOP, (_whole: string, indent: string, n: string, realloc: string, memory: string) => {
      strings = true;
      return `\n${indent}_wcpLowerStrings(vec${n}, result${n}, ${realloc}, ${memory});`;
    });
  }
  let lifts = false;
  if (/\n {2}const TEXT_DECODER_UTF8 = new TextDecoder\(\);\n/.test(out)) {
    out = out.replace(LIFT, (_whole: string, memory: string, ptr: string, len: string) => {
      lifts = true;
      return `_wcpLiftString(${memory}, ${ptr}, ${len})`;
    });
  }
  let byteLifts = false;
  out = out.replace(LIFT_BYTE_LIST, (_whole: string, memory: string, ptr: string, len: string) => {
    byteLifts = true;
    return `_wcpLiftBytes(${memory}, ${ptr}, ${len})`;
  });
  if (!changed && !strings && !lifts && !byteLifts) return js;
  return out.replace(DATA_VIEW, () => DATA_VIEW + BYTES_VIEW + (strings ? LOWER_STRINGS : '') + (lifts ? LIFT_STRING : '') + (byteLifts ? LIFT_BYTES : ''));
}
