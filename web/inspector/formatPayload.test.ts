import { describe, expect, it } from 'vitest';
import { formatBytes, hexRow, hexRowCount, payloadText, prettyJson } from './formatPayload';

const enc = (s: string) => new TextEncoder().encode(s);

describe('formatPayload', () => {
  it('pretty-prints JSON payloads and rejects non-JSON', () => {
    expect(prettyJson(enc('{"order":7,"items":[1]}'))).toBe('{\n  "order": 7,\n  "items": [\n    1\n  ]\n}');
    expect(prettyJson(enc('order 7 paid'))).toBeUndefined();
    expect(prettyJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeUndefined();
    expect(prettyJson(new Uint8Array())).toBeUndefined();
  });

  it('flags invalid UTF-8 as not valid text but still shows it', () => {
    expect(payloadText(enc('héllo'))).toEqual({ text: 'héllo', valid: true });
    const bad = payloadText(new Uint8Array([0x61, 0xff]));
    expect(bad.valid).toBe(false);
    expect(bad.text).toBe('a\ufffd');
  });

  it('lays out hex rows as offset | hex | ascii', () => {
    const data = enc('Hello, world! 0123456789\n');
    expect(hexRowCount(data)).toBe(2);
    expect(hexRow(data, 0)).toEqual({ offset: '00000000', hex: '48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 20 30 31', ascii: 'Hello, world! 01' });
    const second = hexRow(data, 1);
    expect(second.offset).toBe('00000010');
    expect(second.hex).toBe('32 33 34 35 36 37 38 39  0a');
    expect(second.ascii).toBe('23456789.');
  });

  it('formats sizes', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });
});
