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

/** The single splice turning `base` into `edited` (common prefix and suffix kept). */
export function diffText(base: string, edited: string): TextSplice {
  const max = Math.min(base.length, edited.length);
  let prefix = 0;
  while (prefix < max && base.charCodeAt(prefix) === edited.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && base.charCodeAt(base.length - 1 - suffix) === edited.charCodeAt(edited.length - 1 - suffix)) suffix++;
  return [prefix, suffix, edited.slice(prefix, edited.length - suffix), hashText(base)];
}

/** Applies a splice; undefined when it doesn't fit `base` (wrong hash or out-of-range lengths). */
export function applySplice(base: string, splice: TextSplice): string | undefined {
  const [prefix, suffix, insert, check] = splice;
  if (check !== hashText(base) || prefix + suffix > base.length) return undefined;
  return base.slice(0, prefix) + insert + base.slice(base.length - suffix);
}
