import { describe, expect, it } from 'vitest';
import type { BuildArtifact } from '../../protocol/buildProtocol';
import { jsArtifactForPage } from './jsArtifactForPage';

/** Above the size from which buffers are transferred (256 KiB). */
const MB = 300 * 1024;
const artifact = (over: Partial<BuildArtifact>): BuildArtifact => ({
  component: new Uint8Array(MB),
  files: [],
  importedInterfaces: [],
  exportedInterfaces: [],
  exports: [],
  componentWit: '',
  timings: {},
  ...over,
} as BuildArtifact);

describe('jsArtifactForPage', () => {
  // Identity is compared with ===, never by handing typed arrays to expect(): its messages print them.
  it('copies large buffers the worker keeps and transfers the copies; small ones go as they are', () => {
    const core = new Uint8Array(MB).fill(7);
    const small = new Uint8Array(100);
    const a = artifact({ files: [['guest.core.wasm', core], ['guest.js', small]] });
    const page = jsArtifactForPage(a);
    const [sentCore, sentSmall] = page.artifact.files.map(([, d]) => d);
    expect(sentCore !== core).toBe(true);
    expect(sentCore!.length === core.length && sentCore!.every((b) => b === 7)).toBe(true);
    expect(sentSmall === small).toBe(true);
    expect(page.transfer.includes(sentCore!.buffer as ArrayBuffer)).toBe(true);
    expect(!page.transfer.includes(core.buffer as ArrayBuffer)).toBe(true);
  });

  it('hands over buffers the worker does not keep without a copy', () => {
    const fresh = new Uint8Array(MB).fill(1);
    const kept = new Uint8Array(MB).fill(2);
    const a = artifact({ files: [['guest.core.wasm', fresh], ['other.wasm', kept]], componentStale: true });
    const page = jsArtifactForPage(a, new Set([fresh]));
    expect(page.artifact.files[0]![1] === fresh).toBe(true);
    expect(page.transfer.includes(fresh.buffer as ArrayBuffer)).toBe(true);
    expect(page.artifact.files[1]![1] !== kept).toBe(true);
    expect(!page.transfer.includes(kept.buffer as ArrayBuffer)).toBe(true);
    expect(page.artifact.component.byteLength).toBe(0); // stale: never sent
  });

  it('copies a handed-off view that does not span its whole buffer (the rest must not move along)', () => {
    const body = new Uint8Array(2 * MB);
    const view = body.subarray(MB);
    const page = jsArtifactForPage(artifact({ files: [['guest.core.wasm', view]] }), new Set([view]));
    expect(page.artifact.files[0]![1] !== view).toBe(true);
    expect(!page.transfer.includes(body.buffer as ArrayBuffer)).toBe(true);
  });
});
