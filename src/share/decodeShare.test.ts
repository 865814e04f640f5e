import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Example } from '../examples/exampleTypes';
import { examples } from '../examples/index';
import { workspaceFromExample } from '../workspace/workspaceTypes';
import { toBase64url } from './base64url';
import { decoders, decodeShare, decodeShareLink, isShareHash } from './decodeShare';
import { encodeShare } from './encodeShare';
import { ShareError } from './shareError';

/** A v1 hash of arbitrary JSON text, to build malformed payloads the encoder would never write. */
const v1 = (json: string) => '#w1.' + toBase64url(deflateSync(new TextEncoder().encode(json), { level: 9 }));

function errorOf(hash: string, list: readonly Example[] = examples): ShareError {
  try {
    decodeShare(hash, list);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareError);
    return e as ShareError;
  }
  throw new Error(`decoded without error: ${hash}`);
}

describe('decodeShare: frozen links (never edit these literals; add new ones)', () => {
  it('decodes a v1 link of a full workspace', () => {
    const hash =
      '#w1.RY7LasMwEEV_ZZhN2uIGU-hGhv5InYWQx49GjMxIqluE_j3jkMfuSpx77hSc0HwXZDQ4k_cBG_Saf6KGTcNq3dlOBD44641d167nnrcgfgB9QekZgP7WIAkks4Exs3t5hfcviEkWnpSvPastqu0G7kxaAu8NZa8OoZSF4TAvh0fFaUURTVmvxCADSTy-4ameGpzRFNxsXMyZ_n-tz_QcGGi02Sco4IRson3kvlBqBxVqh7XBcXeIAmja46d-JDQfbdvWCw';
    expect(decodeShare(hash)).toEqual({
      guests: [
        { name: 'hello', lang: 'js', wit: 'package local:app;\n\nworld app {\n  export run: func() -> string;\n}\n', source: "export function run() {\n  return 'hi';\n}\n", call: 'run', subscriptions: ['orders.*'] },
      ],
      hosts: { customHosts: { 'wasi:keyvalue': 'export default { create() { return {}; } };' }, faults: { rate: 0.5 } },
      settings: { timeLimitMs: 2000 },
    });
  });

  it('decodes a v1 link of the unedited kv-counter example', () => {
    const example = examples.find((e) => e.id === 'kv-counter')!;
    expect(decodeShare('#w1.q1ZKVbJSyi7TTc4vzStJLVKqBQA')).toEqual(workspaceFromExample(example));
  });

  it('decodes v2 links (v1 JSON plus its CRC-32) of the same two workspaces', () => {
    const v2 =
      '#w2.RY7LasMwEEV_ZZhN2uIGU-hGhv5InYWQx49GjMxIqluE_j3jkMfuSpx77hSc0HwXZDQ4k_cBG_Saf6KGTcNq3dlOBD44641d167nnrcgfgB9QekZgP7WIAkks4Exs3t5hfcviEkWnpSvPastqu0G7kxaAu8NZa8OoZSF4TAvh0fFaUURTVmvxCADSTy-4ameGpzRFNxsXMyZ_n-tz_QcGGi02Sco4IRson3kvlBqBxVqh7XBcXeIAmja46d-JDQfbdvWCw.du7qoA';
    expect(decodeShare(v2)).toEqual(decodeShare(`#w1.${v2.slice(4, v2.lastIndexOf('.'))}`));
    const example = examples.find((e) => e.id === 'kv-counter')!;
    // qwXF_g is Python's base64url(zlib.crc32(b'{"e":"kv-counter"}').to_bytes(4, 'big')).
    expect(decodeShare('#w2.q1ZKVbJSyi7TTc4vzStJLVKqBQA.qwXF_g')).toEqual(workspaceFromExample(example));
  });
});

describe('decodeShareLink: the guest tab a link opens on', () => {
  it('is the first guest for links made before tabs were shared (frozen v1 literal)', () => {
    expect(decodeShareLink('#w1.q1ZKVbJSyi7TTc4vzStJLVKqBQA').activeGuest).toBe(0);
  });

  it('is the guest the link names with "o"', () => {
    const twoGuests = examples.find((e) => e.guests.length >= 2)!;
    const link = decodeShareLink(v1(JSON.stringify({ e: twoGuests.id, o: 1 })));
    expect(link.activeGuest).toBe(1);
    expect(link.workspace).toEqual(workspaceFromExample(twoGuests));
  });
});

describe('decodeShare: bad input gives a specific ShareError', () => {
  it.each([
    ['', /not a workspace link/],
    ['#hello', /not a workspace link/],
    ['#w1.abc$def', /character "\$" at position 3 is not valid base64url/],
    ['#w1.abcde', /impossible length/],
    ['#w1.AAAA', /compressed data is invalid|ends too early/],
    ['#w1.' + encodeShare(workspaceFromExample(examples[0])).slice(4, 12), /ends too early/],
    ['#w9.abc', /format version 9, which this version of the playground can't read/],
    ['#w2.q1ZKVbJSyi7TTc4vzStJLVKqBQA.qwXF_h', /damaged: its data does not match its check/],
    ['#w2.q1ZKVbJSyi7TTc4vzStJLVKqBQA', /damaged: its check at the end is missing \(was it cut off\?\)/],
    [v1('{"e":'), /not valid JSON/],
    ['#w1.' + toBase64url(deflateSync(new Uint8Array([0xff, 0xfe, 0x80]))), /not valid UTF-8/],
    [v1('[1,2]'), /link data must be an object/],
    [v1('{"zz":1}'), /unknown field "zz"/],
    [v1('{"e":"no-such-example"}'), /example "no-such-example", which this version of the playground doesn't have/],
    [v1('{"g":[{"n":"a","l":"wat","w":""}]}'), /guests\[0\] is missing "s"/],
    [v1('{"g":[{"n":"a","l":"cobol","w":"","s":""}]}'), /guests\[0\]\.lang must be one of wat, js, ts/],
    [v1('{"g":[{"n":"a","l":"js","w":"","s":""},{"n":"a","l":"js","w":"","s":""}]}'), /two guests named "a"/],
    [v1('{"g":[0]}'), /no guest at that position/],
    [v1('{"g":[{"n":"a","l":"js","w":[0,0,"x","abc"],"s":""}]}'), /no example text to apply it to/],
    [v1('{"e":"kv-counter","g":[{"s":[0,0,"x","0"]}]}'), /has changed since the link was made/],
    [v1('{"e":"kv-counter","g":[{"s":{"not":"text"}}]}'), /guests\[0\]\.source must be a text/],
    [v1('{"t":-5}'), /timeLimitMs must be a positive number/],
    [v1('{"h":{"wasi:keyvalue":42}}'), /customHosts\["wasi:keyvalue"\] must be a string/],
    [v1('{"g":{}}'), /guests must be an array/],
    [v1('{"e":"kv-counter","o":1}'), /open guest tab must be a guest index from 0 to 0 \(got 1\)/],
    [v1('{"e":"kv-counter","o":"2"}'), /open guest tab must be a guest index/],
    [v1('{"e":"kv-counter","o":-1}'), /open guest tab must be a guest index/],
  ])('%s', (hash, message) => {
    expect(errorOf(hash).message).toMatch(message);
  });

  it('refuses a zip bomb (16 MB after inflating, cap 2 MB)', () => {
    const bomb = '#w1.' + toBase64url(deflateSync(new Uint8Array(16 * 1024 * 1024).fill(32), { level: 9 }));
    expect(errorOf(bomb).message).toMatch(/larger than 2 MB when unpacked/);
  });

  it('wraps non-ShareErrors thrown by a decoder', () => {
    const table = decoders as Record<number, unknown>;
    table[99] = () => {
      throw new RangeError('boom');
    };
    try {
      expect(errorOf('#w99.x').message).toMatch(/could not be read: boom/);
    } finally {
      delete table[99];
    }
  });

  it('accepts the hash with or without "#" and inside a full URL', () => {
    const hash = encodeShare(workspaceFromExample(examples[0]));
    const ws = workspaceFromExample(examples[0]);
    expect(decodeShare(hash.slice(1))).toEqual(ws);
    expect(decodeShare('https://example.test/play/' + hash)).toEqual(ws);
    expect(isShareHash(hash)).toBe(true);
    expect(isShareHash('#trace')).toBe(false);
  });
});
