/**
 * The host's view of a `stream<u8>` a guest passed in, as jco-transpile (0.15) lifts it:
 * `read({ count })` resolves with up to `count` bytes, or `done` once the guest dropped
 * its writable end.
 */
export interface GuestStream {
  read(opts: { count: number }): Promise<{ value?: Uint8Array | number | number[]; done: boolean }>;
}

/**
 * Drains a guest stream `chunk` bytes at a time, calling `onChunk` after each step with the
 * bytes and the time the step started. Reading one step at a time IS the backpressure: the
 * guest's `stream.write` stays blocked until the host asks for more.
 */
export async function readHostStream(stream: GuestStream, chunk: number, onChunk: (bytes: Uint8Array, t0: number) => void = () => {}): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const t0 = performance.now();
    const { value, done } = await stream.read({ count: chunk });
    if (value !== undefined) {
      // A count of 1 yields a bare number; typed arrays are copied (the buffer is reused).
      const bytes = typeof value === 'number' ? Uint8Array.of(value) : Uint8Array.from(value);
      if (bytes.length > 0) {
        chunks.push(bytes);
        onChunk(bytes, t0);
      }
    }
    if (done) return chunks;
  }
}
