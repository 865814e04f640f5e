import type { Example } from '../examples/exampleTypes';
import { examples as builtInExamples } from '../examples/index';
import { ShapeError } from '../workspace/checkWorkspace';
import type { Workspace } from '../workspace/workspaceTypes';
import { unpackChecked, unpackUnchecked } from './checkedData';
import { expandPayloadV1, type SharedWorkspace } from './expandPayloadV1';
import { ShareError } from './shareError';

/** Largest workspace a link may unpack to; real workspaces are a few tens of KB. */
export const MAX_SHARE_BYTES = 2 * 1024 * 1024;
// Base64 of MAX_SHARE_BYTES of incompressible data is ~2.7 MB; anything longer can't be ours.
const MAX_HASH_CHARS = 3 * 1024 * 1024;

export type { SharedWorkspace } from './expandPayloadV1';

/** Turns the text after `#w<version>.` into a workspace (and its open guest tab); throws ShareError or ShapeError. */
export type ShareDecoder = (payload: string, examples: readonly Example[]) => SharedWorkspace;

/** The workspace in a link's unpacked bytes: UTF-8 JSON of a v1 payload (shareFormatV1.ts). */
function expandBytes(bytes: Uint8Array, examples: readonly Example[]): SharedWorkspace {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError('The link is damaged: its data is not valid UTF-8 text.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ShareError(`The link is damaged: its data is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  return expandPayloadV1(json, examples);
}

/**
 * One decoder per hash version, forever: old links must keep opening. To add v3, add
 * `3: decodeV3` here, bump SHARE_VERSION in encodeShare.ts and freeze a v3 literal in
 * the tests next to the others. Never change what an existing entry accepts.
 */
export const decoders: Readonly<Record<number, ShareDecoder>> = {
  // Links made before the check (encodeShare.ts, "Why v2"): opened exactly as they always were.
  1: (payload, examples) => expandBytes(unpackUnchecked(payload, MAX_SHARE_BYTES), examples),
  // Same JSON, with a CRC-32 of it after the data (checkedData.ts).
  2: (payload, examples) => expandBytes(unpackChecked(payload, MAX_SHARE_BYTES), examples),
};

/** True when `hash` looks like a share link (any version), so the UI knows to decode it. */
export function isShareHash(hash: string): boolean {
  return /^#?w\d+\./.test(hash);
}

/**
 * Decodes a share hash (`location.hash`, with or without the '#'; a full URL also works).
 * Throws only {@link ShareError}, with a message saying what is wrong; returns a fully
 * validated workspace or nothing, so a bad link can never half-apply.
 */
export function decodeShare(hash: string, examples: readonly Example[] = builtInExamples): Workspace {
  return decodeShareLink(hash, examples).workspace;
}

/** {@link decodeShare}, plus the guest tab the link opens on (the one its sender was editing). */
export function decodeShareLink(hash: string, examples: readonly Example[] = builtInExamples): SharedWorkspace {
  try {
    if (typeof hash !== 'string') throw new ShareError('No share link was given.');
    const text = hash.includes('#') ? hash.slice(hash.indexOf('#') + 1) : hash;
    if (text.length > MAX_HASH_CHARS) throw new ShareError('The link is too long to be a workspace link.');
    const m = /^w(\d{1,6})\.([\s\S]*)$/.exec(text);
    if (!m) throw new ShareError('This is not a workspace link: it should start with "#w2." followed by the workspace data.');
    const version = Number(m[1]);
    const decoder = Object.hasOwn(decoders, version) ? decoders[version] : undefined;
    if (!decoder) throw new ShareError(`This link uses format version ${version}, which this version of the playground can't read. Reload the page to get the latest version.`);
    return decoder(m[2], examples);
  } catch (e) {
    if (e instanceof ShareError) throw e;
    if (e instanceof ShapeError) throw new ShareError(`The link's workspace is malformed: ${e.message}.`, { cause: e });
    throw new ShareError(`The link could not be read: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
