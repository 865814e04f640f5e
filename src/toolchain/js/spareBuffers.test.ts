import { afterAll, describe, expect, it } from 'vitest';
import { jsArtifactForPage } from './jsArtifactForPage';
import { ownsWholeBuffer, prepareSpare, spareArrival, takeSpare } from './spareBuffers';
import type { BuildArtifact } from '../../protocol/buildProtocol';

/** Stands in for pagerWorker.ts: answers each request with a buffer of the asked length. */
class FakePager {
  onmessage: ((ev: MessageEvent<ArrayBuffer>) => void) | null = null;
  onerror: (() => void) | null = null;
  static asked: number[] = [];
  postMessage(length: number) {
    FakePager.asked.push(length);
    setTimeout(() => this.onmessage?.({ data: new ArrayBuffer(length) } as MessageEvent<ArrayBuffer>));
  }
}
const hadWorker = 'Worker' in globalThis;
(globalThis as { Worker?: unknown }).Worker = FakePager;
afterAll(() => {
  if (!hadWorker) delete (globalThis as { Worker?: unknown }).Worker;
});

describe('spareBuffers', () => {
  // Identity is compared with ===, never by handing typed arrays to expect(): its messages print them.
  it('writes a module into the spare, which then goes to the page without a copy', async () => {
    prepareSpare(1_000_000);
    expect(FakePager.asked.length).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    await spareArrival();
    const module = takeSpare(1_000_100);
    expect(module.length).toBe(1_000_100);
    expect(module.buffer.byteLength > module.length && ownsWholeBuffer(module)).toBe(true);
    const artifact = { component: new Uint8Array(0), componentStale: true, files: [['guest.core.wasm', module]] } as unknown as BuildArtifact;
    const page = jsArtifactForPage(artifact, new Set([module]));
    expect(page.artifact.files[0]![1] === module && page.transfer[0] === module.buffer).toBe(true);
    // Used up: the next module without a new spare is a fresh array.
    const fresh = takeSpare(1_000_100);
    expect(fresh.buffer.byteLength).toBe(1_000_100);
  });

  it('leaves a spare that does not fit, and a view into another buffer is not whole', async () => {
    prepareSpare(100);
    await new Promise((r) => setTimeout(r, 10));
    await spareArrival();
    expect(takeSpare(5_000_000).buffer.byteLength).toBe(5_000_000);
    expect(ownsWholeBuffer(new Uint8Array(1000).subarray(0, 10))).toBe(false);
  });
});
