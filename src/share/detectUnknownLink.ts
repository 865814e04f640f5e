/**
 * Hashes that were meant to open something in this playground but match no format it reads.
 *
 * The playground's own hashes are a workspace link `#w<version>.<data>` (a component may
 * follow as `~c<version>.<data>`, decodeShare.ts, componentSegment.ts) and a lesson link
 * `#l<version>.<data>` (../learn/lessonLink.ts); each is read, and explained when damaged,
 * by its own reader, a newer version included. The app gives hashes no other use: Learn
 * mode, embedding, presenting and the NATS server are query parameters.
 *
 * Why this exists: a link whose first characters were changed on the way (`#W2.`, `#x2.`, a
 * lost dot) matched neither prefix and was ignored: the recipient saw their own workspace
 * with no word, and took it for what they were sent.
 *
 * What counts as "meant to be a link": link data is base64url, long and unbroken (a real
 * workspace link is hundreds of characters). A page anchor (`#top`, `#section-2`, words
 * joined by hyphens) is short or broken up by its hyphens, so it never warns.
 */

/** Known link formats: their readers take them, whatever follows the prefix. */
const KNOWN = /^[wl]\d{1,6}\./;
/** A link's first characters (`w2.`): the part a mangled link has changed, whatever they became. */
const PREFIX_CHARS = 4;
/** Only characters link data is made of (base64url, its dots and `~`, and %-escapes a mail client may add). */
const LINK_CHARS = /^[A-Za-z0-9_.~%-]+$/;
/** How checked link data ends (checkedData.ts): "." and the CRC-32 in 6 base64url characters. */
const CHECK_AT_END = /[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{6}$/;
/** Data without a check (a `#w1.` link, or a format to come) is taken for a link only when this long. */
const MIN_UNCHECKED_CHARS = 64;
/** A run no anchor of words has, and base64 data this long practically always does. */
const DATA_RUN = /[A-Za-z0-9]{24}/;

/** Shown (via damagedLinkText) for a hash that looks like a link but is none this version reads. */
export const UNKNOWN_LINK_MESSAGE =
  "Its address does not start the way this playground's links do (#w2. for a workspace, #l2. for a lesson): a newer version of the playground may have made it, or it was cut or changed on its way here.";

/**
 * The message for a hash that looks like a playground link in no format this version reads,
 * or undefined: no hash, a page anchor, or a known link format (whose reader explains it).
 * An unchanged example's link is short (`#w2.` and some 34 characters): its check at the end
 * is what tells it from an anchor.
 */
export function detectUnknownLink(hash: string): string | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (KNOWN.test(text)) return undefined;
  const data = text.slice(PREFIX_CHARS);
  if (!LINK_CHARS.test(data)) return undefined;
  const meant = CHECK_AT_END.test(data) || (data.length >= MIN_UNCHECKED_CHARS && DATA_RUN.test(data));
  return meant ? UNKNOWN_LINK_MESSAGE : undefined;
}
