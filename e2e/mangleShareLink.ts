import { inflateRawSync } from 'node:zlib';
import { fourCharCorruption } from '../src/share/linkDamage.testing';

/** The link's JSON, inflated here in Node as a reader without a check would; undefined if it doesn't inflate to JSON. */
function jsonOf(data: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflateRawSync(Buffer.from(data, 'base64url'))));
  } catch {
    return undefined;
  }
}

// Every long text (a guest's code, or the edit of it) blanked: two payloads with the same
// skeleton differ only in code, so both pass the workspace checks and open.
const skeleton = (json: unknown) => JSON.stringify(json, (_k, v: unknown) => (typeof v === 'string' && v.length > 12 ? '' : v));

/**
 * `link` (a share link, `…#w<n>.<data>[.<check>]`) with four characters in the middle of its
 * data replaced so that the data still inflates to a valid workspace whose code differs:
 * the damage QA found (`;; MY STORED EDIT` opened as `;; MY S4jvID EDIT`). Any check after
 * the data is kept as it was, so only the check can tell.
 */
export function mangleCodeOfShareLink(link: string): string {
  const m = /^(.*#w\d+\.)([A-Za-z0-9_-]+)(.*)$/.exec(link);
  if (!m) throw new Error(`not a share link: ${link}`);
  const [, before, data, after] = m;
  const original = jsonOf(data);
  const mangled = fourCharCorruption(data, (d) => {
    const json = jsonOf(d);
    return json !== undefined && JSON.stringify(json) !== JSON.stringify(original) && skeleton(json) === skeleton(original);
  });
  if (!mangled) throw new Error('no four-character substitution of this link inflates to a workspace with other code');
  return before + mangled + after;
}
