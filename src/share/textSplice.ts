/**
 * One edit region between a base text and an edited text: keep `prefix` chars of the
 * base, then `insert`, then the base's last `suffix` chars. `check` is a hash of the
 * base so a link made against an older example text is detected instead of garbled.
 */
export type TextSplice = [prefix: number, suffix: number, insert: string, check: string];

/** FNV-1a over UTF-16 code units, base36: cheap, deterministic, short. Not cryptographic. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** How many UTF-16 code units `a` and `b` share at their start, and then at their end (the two never overlap). */
export function commonEnds(a: string, b: string): [prefix: number, suffix: number] {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return [prefix, suffix];
}

/** The single splice turning `base` into `edited` (common prefix and suffix kept). */
export function diffText(base: string, edited: string): TextSplice {
  const [prefix, suffix] = commonEnds(base, edited);
  return [prefix, suffix, edited.slice(prefix, edited.length - suffix), hashText(base)];
}

/** Applies a splice; undefined when it doesn't fit `base` (wrong hash or out-of-range lengths). */
export function applySplice(base: string, splice: TextSplice): string | undefined {
  const [prefix, suffix, insert, check] = splice;
  if (check !== hashText(base) || prefix + suffix > base.length) return undefined;
  return base.slice(0, prefix) + insert + base.slice(base.length - suffix);
}
