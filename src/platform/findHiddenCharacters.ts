/**
 * Characters that change how code reads without being seen: bidirectional controls (the
 * "Trojan Source" trick, CVE-2021-42574: an override reorders what a reviewer sees while the
 * engine runs the stored order), zero-width and other invisible characters. Host code from a
 * stranger's link is shown for review before it runs, so these must be made visible there.
 */
const HIDDEN: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** Matches one hidden character: a class made from the keys of {@link HIDDEN}, so the two cannot disagree. */
const HIDDEN_CHAR = new RegExp(`[${Object.keys(HIDDEN).map((k) => `\\u${Number(k).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** One kind of hidden character found, e.g. `U+202E RIGHT-TO-LEFT OVERRIDE`, with where. */
export interface HiddenCharacter {
  /** `U+202E`. */
  code: string;
  name: string;
  count: number;
  /** 1-based line of its first occurrence. */
  firstLine: number;
}

const HIDDEN_PIECE = new RegExp(`(${HIDDEN_CHAR.source})`);

/**
 * `text` cut around each hidden character: plain text at even indexes, one hidden character
 * at each odd one (`['a', '\u202e', 'b']`); `[text]` when it holds none.
 */
export const splitOnHidden = (text: string): string[] => (HIDDEN_PIECE.test(text) ? text.split(HIDDEN_PIECE) : [text]);

/** `U+202E` for a character. */
export const codePointLabel = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The name of a hidden character, or undefined for any other. */
export const hiddenCharacterName = (ch: string): string | undefined => HIDDEN[ch.codePointAt(0)!];

/** Every kind of hidden character in `text`, in order of first occurrence. */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found = new Map<string, HiddenCharacter>();
  let line = 1;
  let scanned = 0;
  // matchAll works on a copy of the regex: no lastIndex shared between calls.
  for (const m of text.matchAll(HIDDEN_CHAR)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    scanned = m.index;
    const code = codePointLabel(m[0]);
    const seen = found.get(code);
    if (seen) seen.count++;
    else found.set(code, { code, name: hiddenCharacterName(m[0])!, count: 1, firstLine: line });
  }
  return [...found.values()];
}
