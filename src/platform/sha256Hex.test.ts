import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256Hex';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto at every padding boundary and for non-ASCII text', () => {
    for (let n = 0; n < 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(node(text));
    }
    for (const text of ['héllo wörld', '漢字 and emoji 🦀', 'export default { create(ctx) { return {}; } };\n'.repeat(300)]) expect(sha256Hex(text)).toBe(node(text));
  });

  it('hashes a megabyte', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `const k${i} = ${i};`).join('\n');
    expect(sha256Hex(big)).toBe(node(big));
  });
});
