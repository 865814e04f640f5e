import { deflateSync } from 'fflate';
import { fromBase64url, toBase64url } from './base64url';
import { inflateCapped } from './inflateCapped';
import { ShareError } from './shareError';

/**
 * The data part of every link format the codec writes: a workspace (`#w2.`), an opened
 * component (`~c2.`) and a lesson (`#l2.`) all carry
 *
 *     base64url(deflateRaw(bytes)) "." check
 *
 * where `check` is the CRC-32 (below) of the *uncompressed* bytes, big-endian, as 6
 * base64url characters. It covers what the link opens as, not its compressed form: a
 * mangled character can leave a DEFLATE stream that still inflates, to JSON that still
 * passes every schema check (`;; MY STORED EDIT` → `;; MY S4jvID EDIT`), and only a check
 * over the result sees that. It costs 7 characters per link.
 *
 * A suffix after "." rather than 4 more bytes inside the base64url: "." is not base64url,
 * so a reader of the unchecked v1 formats (an older copy of the app, or a link whose `2`
 * was mangled into a `1`) refuses a checked link as damaged instead of reading its data
 * and ignoring the rest; and a cut-off link visibly lacks its check.
 */
export const CHECK_SEPARATOR = '.';

const CHECK_CHARS = 6;
const CHECK_FORM = /^[A-Za-z0-9_-]{6}$/;

// CRC-32 (IEEE 802.3, the one zip, gzip and PNG use) rather than a cryptographic hash,
// because links are damaged by accident (a mangled character, a cut-off line), not forged:
// a change to the bytes of up to 32 bits in a row is always caught, any other is missed
// once in 4 billion. Web Crypto's digests are async and missing on http origins, and fflate
// does not export its CRC.
//
// Byte-at-a-time table: 1 KB, built on first use. Measured 4.4 ms over the 1.8 MB of a
// 1.9 MB link (Node), against 100-130 ms to inflate, parse and check it: slicing-by-8
// would not be noticed.
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** CRC-32 of `bytes` as an unsigned 32-bit number (`crc32(utf8("123456789")) === 0xcbf43926`). */
export function crc32(bytes: Uint8Array): number {
  const t = (table ??= crcTable());
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The check of `bytes`, as it is written after the separator. */
export function checkOf(bytes: Uint8Array): string {
  const c = crc32(bytes);
  return toBase64url(new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]));
}

/** `bytes` as checked link data (see above). */
export function packChecked(bytes: Uint8Array): string {
  return toBase64url(deflateSync(bytes, { level: 9 })) + CHECK_SEPARATOR + checkOf(bytes);
}

/**
 * What chat apps, mail and Markdown glue onto a pasted link's end: a full stop, a closing
 * bracket or quote (raw, or percent-encoded as a browser stores `>` and `"` in a fragment).
 * None can end a link's data or its check (base64url), so dropping them cannot open anything
 * but what was sent (a checked link's check must still match); before, "link." said the check
 * was cut short, and an unchecked v1 link named "." as not base64url.
 */
const TRAILING_PUNCTUATION = /(?:[.,;:!?)\]}>'"]|%3E|%22|%29)+$/i;
const trimLinkEnd = (text: string): string => text.replace(TRAILING_PUNCTUATION, '');

/**
 * Inverse of {@link packChecked}: the bytes, once they match their check. Throws ShareError
 * ("The link is damaged: …") for a missing, cut or wrong check, or data that won't inflate
 * to at most `maxBytes`.
 */
export function unpackChecked(linkText: string, maxBytes: number): Uint8Array {
  const text = trimLinkEnd(linkText);
  const at = text.lastIndexOf(CHECK_SEPARATOR);
  if (at < 0) throw new ShareError('The link is damaged: its check at the end is missing (was it cut off?).');
  const check = text.slice(at + CHECK_SEPARATOR.length);
  // Before inflating: a cut-off link is named as such, not as data that fails its check.
  if (check.length < CHECK_CHARS) throw new ShareError('The link is damaged: its check at the end is cut short (was it cut off?).');
  if (!CHECK_FORM.test(check)) throw new ShareError('The link is damaged: its check at the end is not 6 base64url characters.');
  const bytes = inflateCapped(fromBase64url(text.slice(0, at)), maxBytes);
  if (checkOf(bytes) !== check) {
    throw new ShareError('The link is damaged: its data does not match its check, so some of its characters were changed on the way (by a chat app or a line-wrapping email, say).');
  }
  return bytes;
}

/** The data of the v1 formats, from before the check: base64url(deflateRaw(bytes)) alone. */
export function unpackUnchecked(text: string, maxBytes: number): Uint8Array {
  return inflateCapped(fromBase64url(trimLinkEnd(text)), maxBytes);
}
