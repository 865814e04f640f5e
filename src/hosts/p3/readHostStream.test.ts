import { describe, expect, it } from 'vitest';
import { readHostStream, type GuestStream } from './readHostStream';

/** A guest stream as jco lifts it: hands out at most `count` bytes per read, reusing one buffer. */
function guestStream(bytes: number[], opts: { bareNumbers?: boolean; finalWithValue?: boolean } = {}): GuestStream & { reads: number[] } {
  let at = 0;
  const shared = new Uint8Array(64);
  const reads: number[] = [];
  return {
    reads,
    async read({ count }) {
      reads.push(count);
      if (at >= bytes.length) return { value: undefined, done: true };
      const n = Math.min(count, bytes.length - at);
      shared.set(bytes.slice(at, at + n));
      at += n;
      const done = opts.finalWithValue === true && at >= bytes.length;
      if (opts.bareNumbers && n === 1) return { value: shared[0], done };
      return { value: shared.subarray(0, n), done };
    },
  };
}

describe('readHostStream (host side of a guest-written stream<u8>)', () => {
  it('pulls one chunk per step and reports each step', async () => {
    const data = Array.from({ length: 40 }, (_, i) => i);
    const stream = guestStream(data);
    const steps: number[] = [];
    const chunks = await readHostStream(stream, 16, (b) => steps.push(b.length));
    expect(steps).toEqual([16, 16, 8]);
    expect(stream.reads).toEqual([16, 16, 16, 16]);
    expect([...chunks.flatMap((c) => [...c])]).toEqual(data);
  });

  it('copies each chunk: the lifted buffer is reused by the next read', async () => {
    const chunks = await readHostStream(guestStream([1, 2, 3, 4]), 2);
    expect(chunks.map((c) => [...c])).toEqual([[1, 2], [3, 4]]);
  });

  it('takes bare numbers (count 1) and a last chunk that arrives with done', async () => {
    expect((await readHostStream(guestStream([7, 8], { bareNumbers: true }), 1)).map((c) => [...c])).toEqual([[7], [8]]);
    expect((await readHostStream(guestStream([1, 2, 3], { finalWithValue: true }), 2)).map((c) => [...c])).toEqual([[1, 2], [3]]);
  });

  it('ends at once on an empty stream', async () => {
    expect(await readHostStream(guestStream([]), 16)).toEqual([]);
  });
});
