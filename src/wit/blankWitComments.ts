/**
 * Replaces every comment in WIT text with spaces, keeping newlines, so regex scans see only
 * code while offsets, lines and columns stay identical to the original.
 */
export function blankWitComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      let depth = 0;
      const start = i;
      do {
        if (text.startsWith('/*', i)) (depth++, (i += 2));
        else if (text.startsWith('*/', i)) (depth--, (i += 2));
        else i++;
      } while (depth > 0 && i < text.length);
      out += text.slice(start, i).replace(/[^\n]/g, ' ');
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** 1-based line and column of a string offset. */
export function offsetToPos(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
