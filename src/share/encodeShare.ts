/**
 * Share links: the whole workspace in the URL hash.
 *
 * ## Hash format
 *
 *     #w<version>.<payload>
 *
 * `version` is a decimal integer; each version has an entry in `decoders` (decodeShare.ts)
 * that must keep working forever, because links live on in chats and bug reports.
 *
 * ### v2 — `#w2.` + base64url(deflateRaw(utf8(JSON))) + `.` + check (written since v2)
 *
 * The v1 JSON, followed by the CRC-32 of its UTF-8 bytes (checkedData.ts), so a link damaged
 * anywhere — one character mangled by a chat app — is reported instead of opening as a
 * workspace that silently differs (a corrupted DEFLATE stream can inflate to JSON that passes
 * every schema check).
 *
 * Why v2 rather than an optional check field in v1: an optional check is absent from every
 * old link, so a damaged link that lost it (or whose field name was mangled) would pass as
 * an old, unchecked one; only a format where the check is required catches it. And a v1
 * reader (a copy of the app from before) rejects unknown fields as "malformed", where it
 * says of `#w2.` that the link is newer and a reload gets the version that reads it.
 *
 * ### v1 — `#w1.` + base64url(deflateRaw(utf8(JSON))) (read forever, no longer written)
 *
 * base64url is RFC 4648 §5 without padding; deflate is raw DEFLATE (fflate `deflateSync`,
 * level 9). The JSON is a {@link PayloadV1} whose fields all default when absent, so an
 * unedited example is just `{"e":"kv-counter"}`:
 *
 * | key | meaning | when absent |
 * |-----|---------|-------------|
 * | `e` | example id; guests are stored as differences against this example | no base example |
 * | `x` | example id kept only as a label (the encoder didn't know the example; guests are full) | — |
 * | `g` | guests, in order. Entry `0` = identical to the example guest at that index; an object = overrides | the example's guests unchanged (or none without `e`) |
 * | `h` | custom hosts, `{ packageId: jsSource }` | `{}` |
 * | `f` | fault configuration (opaque JSON) | no faults |
 * | `t` | time limit in ms | 5000 |
 * | `o` | index of the guest tab the link opens on (the one being edited when it was made) | 0, the first guest |
 *
 * Guest entry keys: `n` name, `l` lang, `w` wit, `s` source, `c` call (`null` removes the
 * example's call), `u` subscriptions, `b` key-value buckets (an empty list clears the
 * example's), and for commands and configured guests `a` arguments (program name first),
 * `v` environment (`NAME=value` entries), `i` stdin text, `k` wasi:config values (`key=value`
 * entries) — each absent = inherited, empty = cleared, like `b`. `w`/`s` are a full string, or a splice
 * `[keepPrefix, keepSuffix, insertedText, fnv1aOfExampleText]` against the example's text,
 * so a one-character edit costs a few bytes; the hash detects links whose example changed.
 */
import type { Example } from '../examples/exampleTypes';
import { examples as builtInExamples } from '../examples/index';
import { checkWorkspace, ShapeError } from '../workspace/checkWorkspace';
import type { Workspace } from '../workspace/workspaceTypes';
import { packChecked } from './checkedData';
import { MAX_SHARE_BYTES } from './decodeShare';
import { ShareError } from './shareError';
import { compactWorkspace } from './shareFormatV1';

/** Version written by {@link encodeShare}. */
export const SHARE_VERSION = 2;
/** Prefix of every current share hash, including the leading '#'. */
export const SHARE_PREFIX = `#w${SHARE_VERSION}.`;

/**
 * Encodes `ws` as a URL hash (`#w2.…`). `examples` are the bases edits are diffed against;
 * pass the same list to decodeShare (the UI adds its scratch example to the built-ins).
 * `activeGuest` is the index of the guest tab the link should open on (default the first).
 * Throws ShareError if `ws` is not a valid workspace (it would not decode again).
 */
export function encodeShare(ws: Workspace, examples: readonly Example[] = builtInExamples, activeGuest = 0): string {
  let valid: Workspace;
  try {
    valid = checkWorkspace(ws);
  } catch (e) {
    throw e instanceof ShapeError ? new ShareError(`This workspace can't be shared: ${e.message}.`, { cause: e }) : e;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(compactWorkspace(valid, examples, activeGuest)));
  // decodeShare refuses anything bigger (zip-bomb guard), so such a link would never open.
  if (bytes.length > MAX_SHARE_BYTES) throw new ShareError('This workspace is too large for a link (over 2 MB); export it as a file instead.');
  return SHARE_PREFIX + packChecked(bytes);
}
