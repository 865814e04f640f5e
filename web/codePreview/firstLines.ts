/** The start of a text, cut after whole lines, with how many lines the whole text has. */
export interface FirstLines {
  text: string;
  /** Lines in `text`. */
  lines: number;
  totalLines: number;
}

/**
 * The first `max` lines of `source` and its line count, found with indexOf (no split: a
 * megabyte of code would otherwise become tens of thousands of strings on every render).
 * A trailing newline does not count as an extra line.
 */
export function firstLines(source: string, max: number): FirstLines {
  let cut = source.length;
  let totalLines = 0;
  let at = 0;
  while (at < source.length) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl + 1;
    totalLines += 1;
    if (totalLines === max) cut = end;
    at = end;
  }
  if (totalLines <= max) cut = source.length;
  return { text: source.slice(0, cut), lines: Math.min(max, totalLines), totalLines };
}

/** "812 bytes", "14.2 KB", "1.5 MB" (1 KB = 1,024 characters of source). */
export function sizeText(chars: number): string {
  if (chars < 1024) return `${chars} ${chars === 1 ? 'byte' : 'bytes'}`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}
