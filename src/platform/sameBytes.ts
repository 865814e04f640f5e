/**
 * Byte equality (undefined equals only undefined), four bytes at a time where both views are aligned: a fresh worker runs this
 * in the interpreter, where comparing ≈150 KB of bindings byte by byte costs milliseconds
 * (32-bit words stay small integers; 64-bit ones would allocate a BigInt per read).
 */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === b) return true;
  // Absent equals only absent (a missing key, a missing section).
  if (a === undefined || b === undefined) return false;
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (wa[i] !== wb[i]) return false;
    i = words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
