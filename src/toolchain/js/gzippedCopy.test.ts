import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipStream, gzippedCopyOf, openGzippedCopy } from './gzippedCopy';

const FILE = new URL('https://playground.test/assets/starlingmonkey_embedding-abc.wasm');

/** A server with the given answer for the copy's path (and the fetched URLs noted). */
function server(answer: () => Response) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return answer();
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('the gzipped copy of an engine file', () => {
  it('is fetched beside the file, and inflates to the file\'s bytes', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
    const { fetcher, asked } = server(() => new Response(gzipSync(bytes), { headers: { 'content-type': 'application/octet-stream' } }));
    const res = await openGzippedCopy(FILE, fetcher, true);
    expect(asked).toEqual([gzippedCopyOf(FILE).href]);
    expect(asked[0]).toBe('https://playground.test/assets/starlingmonkey_embedding-abc.wasm.gz.bin');
    const inflated = new Uint8Array(await new Response(gunzipStream(res!.body!)).arrayBuffer());
    expect(inflated).toEqual(bytes);
  });

  it('is not used where there is none: dev, a 404, a page in its place, a network error', async () => {
    expect(await openGzippedCopy(FILE, server(() => new Response('x')).fetcher, false)).toBeUndefined();
    expect(await openGzippedCopy(FILE, server(() => new Response('gone', { status: 404 })).fetcher, true)).toBeUndefined();
    // A static server that answers every path with the app's page (a single-page-app fallback).
    expect(await openGzippedCopy(FILE, server(() => new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } })).fetcher, true)).toBeUndefined();
    const failing = (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await openGzippedCopy(FILE, failing, true)).toBeUndefined();
  });
});
