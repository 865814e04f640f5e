/**
 * `bytes` itself when it spans its whole buffer, else a copy in a buffer of its own. A view
 * into a batch's shared buffer would carry every other payload of the batch along wherever it
 * is posted, stored or kept (a structured clone copies the whole buffer).
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteLength !== bytes.buffer.byteLength ? bytes.slice() : bytes;
}
