import { packChecked, unpackChecked, unpackUnchecked } from './checkedData';
import { ShareError } from './shareError';

/**
 * An opened .wasm carried in a share link, after the workspace: `#w2.<workspace>~c2.<data>`.
 * `data` is checked link data (checkedData.ts: base64url(deflateRaw(bytes)) + "." + CRC-32)
 * of utf8(JSON header) + NUL + component bytes; the header is `{"n": fileName, "s": settings}`
 * with the Hosts-tab settings of the opened component (subscriptions, buckets, args, env,
 * stdin, config — absent = default). `~c1.` segments, from before the check, are the same
 * bytes without it and still open: a mangled byte of code can leave a valid component that
 * does something else, which is why `~c2.` has the check, as `#w2.` does.
 *
 * Only small components travel this way ({@link MAX_LINKED_COMPONENT_BYTES}): a component
 * made from WAT is a few KB, but one from componentize-js is ~10 MB, far past what chats and
 * browsers keep of a URL. Bigger ones stay out of the link and the share dialog says so.
 */
export const COMPONENT_SEGMENT = '~c2.';

// `~c<version>.`: "~" is not base64url nor the check's ".", so only the segment has it.
const SEGMENT = /~c(\d{1,6})\./;
const readers: Readonly<Record<number, (text: string, maxBytes: number) => Uint8Array>> = { 1: unpackUnchecked, 2: unpackChecked };

/** Largest component (raw bytes) a share link carries. */
export const MAX_LINKED_COMPONENT_BYTES = 64 * 1024;

/** Hosts-tab settings of an opened component, as a link carries them. */
export interface SharedComponentSettings {
  subscriptions?: string[];
  buckets?: string[];
  args?: string[];
  env?: string[];
  stdin?: string;
  config?: string[];
}

/** An opened component as a share link carries it. */
export interface SharedComponent {
  fileName: string;
  bytes: Uint8Array;
  settings: SharedComponentSettings;
}

const LIST_KEYS = ['subscriptions', 'buckets', 'args', 'env', 'config'] as const;

/** The hash segment for `c`, or undefined when it is too large for a link. */
export function encodeComponentSegment(c: SharedComponent): string | undefined {
  if (c.bytes.length > MAX_LINKED_COMPONENT_BYTES) return undefined;
  const settings: SharedComponentSettings = {};
  for (const k of LIST_KEYS) if (c.settings[k]?.length) settings[k] = c.settings[k];
  if (c.settings.stdin) settings.stdin = c.settings.stdin;
  const header = new TextEncoder().encode(JSON.stringify({ n: c.fileName, ...(Object.keys(settings).length ? { s: settings } : {}) }));
  const data = new Uint8Array(header.length + 1 + c.bytes.length);
  data.set(header, 0);
  data.set(c.bytes, header.length + 1);
  return COMPONENT_SEGMENT + packChecked(data);
}

/**
 * Splits a hash into the workspace part and the component it carries, if any. Throws
 * ShareError naming what is wrong with a damaged component segment.
 */
export function splitComponentSegment(hash: string): { workspaceHash: string; component?: SharedComponent } {
  const m = SEGMENT.exec(hash);
  if (!m) return { workspaceHash: hash };
  const read = Object.hasOwn(readers, Number(m[1])) ? readers[Number(m[1])] : undefined;
  if (!read) throw new ShareError(`The component in this link uses format version ${m[1]}, which this version of the playground can't read. Reload the page to get the latest version.`);
  const at = m.index;
  const data = read(hash.slice(at + m[0].length), MAX_LINKED_COMPONENT_BYTES + 64 * 1024);
  const nul = data.indexOf(0);
  if (nul < 0) throw new ShareError('The link is damaged: its component has no header.');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(data.subarray(0, nul)));
  } catch {
    throw new ShareError('The link is damaged: its component header is not JSON.');
  }
  const h = header as { n?: unknown; s?: unknown };
  if (typeof h.n !== 'string' || !h.n) throw new ShareError('The link is damaged: its component has no file name.');
  const bytes = data.slice(nul + 1);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new ShareError('The link is damaged: the component it carries is not WebAssembly.');
  return { workspaceHash: hash.slice(0, at), component: { fileName: h.n, bytes, settings: readSettings(h.s) } };
}

function readSettings(s: unknown): SharedComponentSettings {
  if (s === undefined) return {};
  if (typeof s !== 'object' || s === null) throw new ShareError('The link is damaged: its component settings are not an object.');
  const rec = s as Record<string, unknown>;
  const out: SharedComponentSettings = {};
  for (const k of LIST_KEYS) {
    const v = rec[k];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ShareError(`The link is damaged: component setting "${k}" is not a list of text.`);
    out[k] = v as string[];
  }
  if (rec.stdin !== undefined) {
    if (typeof rec.stdin !== 'string') throw new ShareError('The link is damaged: component setting "stdin" is not text.');
    out.stdin = rec.stdin;
  }
  return out;
}
