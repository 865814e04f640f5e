import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { withCountedFetch } from './countSplicerDownload';
import { reportDownload } from './downloadProgress';
import { setEngineProgressListener, type EngineProgress } from './engineProgress';
import { SPLICER_CORE_BYTES, SPLICER_CORE_GZIPPED_BYTES } from './loadJsToolchainAssets';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setEngineProgressListener(undefined);
});

/** A server answering `size` bytes for paths ending in .wasm, 404 for /missing, text otherwise. */
function serve(size: number): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    if (path.endsWith('/missing.wasm')) return new Response('no', { status: 404 });
    if (path.endsWith('.wasm')) return new Response(new Uint8Array(size).fill(7), { headers: { 'content-length': String(size) } });
    return new Response('other');
  }) as typeof fetch;
}

describe('withCountedFetch', () => {
  it('counts the expected bytes from the start, then the files as their bodies are read', async () => {
    const sent: EngineProgress[] = [];
    setEngineProgressListener((p) => sent.push({ ...p }));
    globalThis.fetch = serve(60);
    const text = await withCountedFetch(/core\.wasm$/, 100, async () => {
      reportDownload();
      // Before the file's fetch, the estimate stands for it: no 0-byte total, no jump later.
      expect(sent.at(-1)).toEqual({ stage: 'download', loaded: 0, total: 100 });
      const res = await fetch(new URL('http://site.test/assets/core.wasm'));
      expect(res.headers.get('content-length')).toBe('60');
      expect((await res.arrayBuffer()).byteLength).toBe(60);
      return (await fetch('http://site.test/other.js')).text();
    });
    expect(text).toBe('other');
    expect(sent.at(-1)).toEqual({ stage: 'ready', loaded: 60, total: 60 });
    expect(sent.filter((p) => p.stage === 'ready')).toHaveLength(1);
  });

  it('gives fetch back, and says a failed file failed', async () => {
    const sent: EngineProgress[] = [];
    setEngineProgressListener((p) => sent.push({ ...p }));
    const mine = serve(10);
    globalThis.fetch = mine;
    await expect(withCountedFetch(/\.wasm$/, 10, async () => (await fetch('http://site.test/missing.wasm')).arrayBuffer())).rejects.toThrow(/HTTP 404/);
    expect(globalThis.fetch).toBe(mine);
    expect(sent.at(-1)?.stage).toBe('failed');
  });
});

it("SPLICER_CORE_BYTES is the installed splicer's core modules' size", () => {
  const lib = new URL('../../../node_modules/@bytecodealliance/componentize-js/lib/', import.meta.url);
  const size = (name: string) => statSync(new URL(name, lib)).size;
  expect(SPLICER_CORE_BYTES).toBe(size('spidermonkey-embedding-splicer.core.wasm') + size('spidermonkey-embedding-splicer.core2.wasm'));
});

it("SPLICER_CORE_GZIPPED_BYTES is what a built site sends of them (the core's gzipped copy, core2 as it is)", () => {
  const lib = new URL('../../../node_modules/@bytecodealliance/componentize-js/lib/', import.meta.url);
  const gz = gzipSync(readFileSync(new URL('spidermonkey-embedding-splicer.core.wasm', lib)), { level: 9 }).length;
  const core2 = statSync(new URL('spidermonkey-embedding-splicer.core2.wasm', lib)).size;
  // Within 1%: another zlib may pack a few bytes differently; the figure only stands in until the fetch starts.
  expect(Math.abs(SPLICER_CORE_GZIPPED_BYTES - (gz + core2)) / (gz + core2)).toBeLessThan(0.01);
});
