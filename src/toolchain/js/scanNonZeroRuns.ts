// The scan behind findDataSegments, in WebAssembly. A snapshot reads the engine's whole linear
// memory (tens of MB, mostly zeros) for its non-zero runs. In JS that loop runs cold on a page's
// first build (interpreted until V8 optimises it) and was the largest part of the snapshot step;
// this 392-byte module imports the engine's memory itself (no copy) and skips zeros 16 bytes at a
// time with SIMD, at full speed from its first call. Its source is scanNonZeroRuns.wat
// (assembled with wasm-tools; scanNonZeroRuns.test.ts checks these bytes still match it).

/** scanNonZeroRuns.wat, assembled. */
export const SCAN_WASM_BASE64 =
  'AGFzbQEAAAABBgFgAn9/AAIaAgNlbnYGbWVtb3J5AgAAA2VudgRlbWl0AAADAgEABwgBBHNjYW4AAQrXAQHUAQEEfwJAA0ACQANAIAJBEGogAEsNASAC/QAEAP1TDQEgAkEQaiECDAALCwJAA0AgAiAATw0DIAIoAgANASACQQRqIQIMAAsLIAIhAyACIQQCQANAIAQgAE8NASAEQRBqIABNBEAgBP0ABAD9owEEQCAEQRBqIQQMAgsLIAQoAgAEQCAEQQRqIQQMAQsgBCEFAkADQCAFIABPDQEgBSgCAA0BIAVBBGohBQwACwsgBSAEayABTw0BIAUgAE8NASAFIQQMAAsLIAMgBBAAIAQhAgwACwsLAHIEbmFtZQEHAQAEZW1pdAIdAQEGAAFuAQNnYXACAWkDBXN0YXJ0BANlbmQFAWsDQwEBCgAEZG9uZQEFb3V0ZXICAm56AwRza2lwBAVmb3VuZAUEd29yZAYGc2VnRW5kBwVpbm5lcgsGcnVuRW5kDANydW4=';

/** Compiled once per worker; null where it cannot be (no WebAssembly SIMD): the JS scan is used. */
let compiled: WebAssembly.Module | null | undefined;

function scanModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bin = atob(SCAN_WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * The runs of non-zero 4-byte words in the first `length` bytes of `memory` (a multiple of 4), as
 * [start, end) byte offsets, split where at least `gapBytes` zero bytes (whole words) separate
 * them; undefined when the scanner is unavailable here (the caller scans in JS).
 */
export function scanNonZeroRuns(memory: WebAssembly.Memory, length: number, gapBytes: number): Array<[number, number]> | undefined {
  const module = scanModule();
  if (!module) return undefined;
  const ranges: Array<[number, number]> = [];
  // Offsets past 2 GiB arrive as negative i32s.
  const emit = (start: number, end: number) => void ranges.push([start >>> 0, end >>> 0]);
  const instance = new WebAssembly.Instance(module, { env: { memory, emit } });
  (instance.exports.scan as (n: number, gap: number) => void)(length, gapBytes);
  return ranges;
}
