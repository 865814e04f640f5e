import type { WitSyntaxError } from './witModel';

/** One WIT token with its 1-based start position. */
export interface WitToken {
  /** `id` covers keywords too (the parser decides); `num` is any run starting with a digit. */
  kind: 'id' | 'num' | 'punct' | 'eof';
  text: string;
  line: number;
  column: number;
  /** True for `%name` identifiers, which are never keywords. */
  escaped?: boolean;
}

/** Thrown inside the parser and caught at its edge, so callers get a value instead. */
export class WitSyntaxFailure extends Error {
  constructor(readonly detail: WitSyntaxError) {
    super(detail.message);
  }
}

const PUNCT2 = ['->'];
const PUNCT1 = ':;,.{}()<>=/@*_';

/**
 * Splits WIT text into tokens, skipping whitespace and `//`, `///` and (nested) block
 * comments. Versions are lexed as `num` tokens such as `0.2.0-draft2` so `@0.2.0-draft2`
 * arrives as `@` + one token.
 */
export function tokenizeWit(src: string): WitToken[] {
  const tokens: WitToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string, at: number): never => {
    const column = at - lineStart + 1;
    throw new WitSyntaxFailure({ line, column, endColumn: column + 1, message });
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (src.startsWith('/*', i)) {
      const start = i;
      let depth = 0;
      do {
        if (src.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (src.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else {
          if (src[i] === '\n') {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
      } while (depth > 0 && i < src.length);
      if (depth > 0) fail('unterminated block comment', start);
      continue;
    }
    const column = i - lineStart + 1;
    const id = /^%?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/y;
    id.lastIndex = 0;
    const idMatch = id.exec(src.slice(i, i + 200));
    if (idMatch) {
      const escaped = idMatch[0].startsWith('%');
      tokens.push({ kind: 'id', text: escaped ? idMatch[0].slice(1) : idMatch[0], line, column, escaped });
      i += idMatch[0].length;
      continue;
    }
    if (c >= '0' && c <= '9') {
      const m = /^[0-9][0-9A-Za-z.+-]*/.exec(src.slice(i, i + 200));
      const text = (m ? m[0] : c).replace(/\.+$/, '');
      tokens.push({ kind: 'num', text, line, column });
      i += text.length;
      continue;
    }
    const two = PUNCT2.find((p) => src.startsWith(p, i));
    if (two) {
      tokens.push({ kind: 'punct', text: two, line, column });
      i += two.length;
      continue;
    }
    if (PUNCT1.includes(c)) {
      tokens.push({ kind: 'punct', text: c, line, column });
      i++;
      continue;
    }
    fail(`unexpected character '${c}'`, i);
  }
  tokens.push({ kind: 'eof', text: '', line, column: i - lineStart + 1 });
  return tokens;
}
