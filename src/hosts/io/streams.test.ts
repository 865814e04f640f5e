import { describe, expect, it } from 'vitest';
import { HostError } from '../hostContract';
import { createInputStream, createOutputStream, ioHost, IoError, InputStream, OutputStream, Pollable } from './index';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

function payloadOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof HostError) return e.payload;
    throw e;
  }
  throw new Error('expected a HostError');
}

async function payloadOfAsync(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof HostError) return e.payload;
    throw e;
  }
  throw new Error('expected a HostError');
}

describe('input streams over bytes', () => {
  it('returns at most len bytes per read, then the remainder, then closed', () => {
    const stream = createInputStream(bytes(25));
    expect(stream.read(10n)).toEqual(bytes(25).subarray(0, 10));
    expect((stream.blockingRead(10n) as Uint8Array).length).toBe(10);
    const last = stream.read(100n) as Uint8Array;
    expect(Array.from(last)).toEqual(Array.from(bytes(25).subarray(20)));
    expect(payloadOf(() => stream.read(1n))).toEqual({ tag: 'closed' });
  });

  it('returns copies, not views of the source', () => {
    const source = bytes(8);
    const chunk = createInputStream(source).read(4n) as Uint8Array;
    chunk[0] = 99;
    expect(source[0]).toBe(0);
    expect(chunk.buffer).not.toBe(source.buffer);
  });

  it('skips without reading and reports closed at the end', () => {
    const stream = createInputStream(bytes(10).buffer);
    expect(stream.skip(4n)).toBe(4n);
    expect(stream.blockingSkip(100n)).toBe(6n);
    expect(payloadOf(() => stream.skip(1n))).toEqual({ tag: 'closed' });
  });

  it('a zero-length read is empty, and a dropped stream is closed', () => {
    const stream = createInputStream(bytes(3));
    expect((stream.read(0n) as Uint8Array).length).toBe(0);
    stream[Symbol.dispose]();
    expect(payloadOf(() => stream.read(1n))).toEqual({ tag: 'closed' });
  });

  it('turns source failures into last-operation-failed with an Error resource', async () => {
    const stream = createInputStream({ read: () => Promise.reject(new Error('disk gone')) });
    const payload = (await payloadOfAsync(() => stream.read(5n))) as { tag: string; val: IoError };
    expect(payload.tag).toBe('last-operation-failed');
    expect(payload.val).toBeInstanceOf(IoError);
    expect(payload.val.toDebugString()).toBe('disk gone');
    expect(payloadOf(() => stream.read(5n))).toEqual({ tag: 'closed' });
  });
});

describe('input streams over a Blob', () => {
  it('reads lazily in windows and returns exactly the requested lengths', async () => {
    const data = bytes(3 * 1024 * 1024 + 7);
    const stream = createInputStream(new Blob([data]));
    const got: Uint8Array<ArrayBuffer>[] = [];
    for (;;) {
      try {
        got.push((await stream.read(100_000n)) as Uint8Array<ArrayBuffer>);
      } catch (e) {
        expect((e as HostError).payload).toEqual({ tag: 'closed' });
        break;
      }
    }
    expect(got.every((c, i) => c.length === (i < got.length - 1 ? 100_000 : data.length % 100_000))).toBe(true);
    const joined = new Uint8Array(await new Blob(got).arrayBuffer());
    expect(Buffer.from(joined).equals(Buffer.from(data))).toBe(true);
  });
});

describe('output streams', () => {
  it('passes written arrays to the sink and honours the permit', () => {
    const seen: Uint8Array[] = [];
    const stream = createOutputStream((b) => void seen.push(b));
    expect(stream.checkWrite()).toBe(1048576n);
    const chunk = bytes(10);
    stream.write(chunk);
    expect(seen[0]).toBe(chunk);
    stream.writeZeroes(3n);
    expect(seen[1]).toEqual(new Uint8Array(3));
    expect(() => stream.write(bytes(2_000_000))).toThrow(/exceeds the check-write permit/);
  });

  it('blocking-write-and-flush calls flush and rejects more than 4096 bytes', () => {
    let flushed = 0;
    const stream = createOutputStream({ write() {}, flush: () => void flushed++ });
    stream.blockingWriteAndFlush(bytes(4096));
    expect(flushed).toBe(1);
    expect(() => stream.blockingWriteAndFlush(bytes(4097))).toThrow(/at most 4096 bytes \(got 4097\)/);
    expect(() => stream.blockingWriteZeroesAndFlush(5000n)).toThrow(/at most 4096/);
  });

  it('splices from an input stream', () => {
    const seen: number[] = [];
    const out = createOutputStream((b) => void seen.push(...b));
    const input = createInputStream(bytes(10));
    expect(out.splice(input, 6n)).toBe(6n);
    expect(out.blockingSplice(input, 100n)).toBe(4n);
    expect(seen).toEqual(Array.from(bytes(10)));
  });

  it('fails the stream when the sink throws, and reports closed sinks', () => {
    const failing = createOutputStream(() => {
      throw new Error('quota');
    });
    failing.checkWrite();
    expect(payloadOf(() => failing.write(bytes(1)))).toMatchObject({ tag: 'last-operation-failed' });
    expect(payloadOf(() => failing.checkWrite())).toEqual({ tag: 'closed' });
    const closed = createOutputStream({ write() {}, isClosed: () => true });
    expect(payloadOf(() => closed.checkWrite())).toEqual({ tag: 'closed' });
  });
});

describe('pollables and the package', () => {
  it('poll returns ready indices, waiting for the first promise', async () => {
    let release!: () => void;
    const later = new Promise<void>((r) => (release = r));
    const { poll: pollIface } = (await ioHost.create({} as never)) as { poll: { poll: (l: Pollable[]) => unknown; Pollable: unknown } };
    const { createPollable } = await import('./pollable');
    const pending = createPollable(later);
    expect(pending.ready()).toBe(false);
    const result = pollIface.poll([pending]) as Promise<Uint32Array>;
    release();
    expect(Array.from(await result)).toEqual([0]);
    expect(Array.from(pollIface.poll([pending, createPollable()]) as Uint32Array)).toEqual([0, 1]);
    expect(() => pollIface.poll([])).toThrow(/must not be empty/);
  });

  it('exports the shared classes under the WIT names', async () => {
    const impl = await ioHost.create({} as never);
    expect(ioHost.id).toBe('wasi:io@0.2.2');
    expect(impl.streams).toEqual({ InputStream, OutputStream });
    expect(impl.error.Error).toBe(IoError);
    expect(createInputStream(bytes(1))).toBeInstanceOf(impl.streams.InputStream as typeof InputStream);
  });
});
