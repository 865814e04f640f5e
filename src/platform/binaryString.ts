/**
 * The bytes as a "binary string" (one char per byte, as btoa takes). Chunked: a spread of
 * String.fromCharCode over a large array would pass the engines' argument-count limit.
 */
export function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}
