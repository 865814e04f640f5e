import { describe, expect, it } from 'vitest';
import { codePointLabel, findHiddenCharacters, hiddenCharacterName, splitOnHidden } from './findHiddenCharacters';

describe('findHiddenCharacters', () => {
  it('finds a Trojan Source override and zero-width characters with their first lines', () => {
    // The classic: an override makes `isAdmin` checks read as comments in a review.
    const text = 'let a = 1;\nif (x) { /*\u202e } \u2066if (admin)\u2069 \u2066 begin admins only */\nconst b\u200b = 2;\n\u202e';
    expect(findHiddenCharacters(text)).toEqual([
      { code: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', count: 2, firstLine: 2 },
      { code: 'U+2066', name: 'LEFT-TO-RIGHT ISOLATE', count: 2, firstLine: 2 },
      { code: 'U+2069', name: 'POP DIRECTIONAL ISOLATE', count: 1, firstLine: 2 },
      { code: 'U+200B', name: 'ZERO WIDTH SPACE', count: 1, firstLine: 3 },
    ]);
  });

  it('finds every character it has a name for, each with that name', () => {
    const all = '\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff';
    const found = findHiddenCharacters(all);
    expect(found).toHaveLength(23);
    for (const f of found) expect(f.name).toBe(hiddenCharacterName(String.fromCodePoint(parseInt(f.code.slice(2), 16))));
    // Called twice on the same text: the same answer (no regex state carried over).
    expect(findHiddenCharacters(all)).toEqual(found);
  });

  it('finds nothing in plain code, non-Latin text or emoji', () => {
    expect(findHiddenCharacters('const s = "héllo, 世界, مرحبا 👋";\n\tx\r\n')).toEqual([]);
  });

  it('labels and names characters', () => {
    expect(codePointLabel('\ufeff')).toBe('U+FEFF');
    expect(hiddenCharacterName('\u200f')).toBe('RIGHT-TO-LEFT MARK');
    expect(hiddenCharacterName('a')).toBeUndefined();
  });
});

describe('splitOnHidden', () => {
  it('puts each hidden character at an odd index', () => {
    expect(splitOnHidden('a\u202eb\u200b')).toEqual(['a', '\u202e', 'b', '\u200b', '']);
    expect(splitOnHidden('plain')).toEqual(['plain']);
  });
});
