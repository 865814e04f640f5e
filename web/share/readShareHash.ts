import { decodeShareLink, detectUnknownLink, encodeShare, isShareHash, ShareError, splitComponentSegment, type SharedComponent, type Workspace } from '../../src/index';
import { appExamples, findAppExample } from '../state/appWorkspaces';
import type { OpenRequest } from '../state/useWorkspace';

/** What a URL hash asks for: nothing, a shared workspace, or a link that can't be read. */
export type HashRequest =
  | { kind: 'none' }
  /**
   * `activeGuest`: the guest tab the link opens on (the one its sender was editing);
   * `component`: a small opened .wasm that rode along (src/share/componentSegment.ts).
   */
  | { kind: 'share'; request: OpenRequest & { kind: 'workspace' }; activeGuest: number; component?: SharedComponent }
  | { kind: 'damaged'; message: string };

/** Name a shared workspace gets in the Workspaces list once the user edits it. */
export const sharedName = (ws: Workspace): string => `Shared: ${findAppExample(ws.exampleId)?.title ?? 'workspace'}`;

/**
 * Reads `location.hash`. Never throws: a bad link becomes `damaged` with the codec's message,
 * and so does a hash that looks like a link in no format this version reads (a mangled `#w2.`).
 */
export function readShareHash(hash: string): HashRequest {
  if (!isShareHash(hash)) {
    const unknown = detectUnknownLink(hash);
    return unknown ? { kind: 'damaged', message: unknown } : { kind: 'none' };
  }
  try {
    // A small opened .wasm may follow the workspace (src/share/componentSegment.ts).
    const { workspaceHash, component } = splitComponentSegment(hash);
    const { workspace, activeGuest } = decodeShareLink(workspaceHash, appExamples);
    return { kind: 'share', request: { kind: 'workspace', workspace, name: sharedName(workspace), origin: 'share' }, activeGuest, ...(component ? { component } : {}) };
  } catch (e) {
    return { kind: 'damaged', message: e instanceof ShareError ? e.message : String(e) };
  }
}

/** The workspace as it will run: the header's time limit is part of what is shared. */
export const withTimeLimit = (ws: Workspace, timeLimitMs: number): Workspace => ({ ...ws, settings: { ...ws.settings, timeLimitMs } });

/**
 * Link that opens `ws` in the full app (or embedded with `embed`) on guest tab `activeGuest`;
 * throws ShareError when it can't be encoded.
 */
export function shareLink(ws: Workspace, base: Pick<Location, 'origin' | 'pathname'>, embed = false, activeGuest = 0): string {
  return `${base.origin}${base.pathname}${embed ? '?embed' : ''}${encodeShare(ws, appExamples, activeGuest)}`;
}

/** The user-facing text of the damaged-link notice. */
export function damagedLinkText(message: string): string {
  // The codec's messages start "The link is damaged: …"; don't say it twice. The others
  // (a newer format, an example this version lacks, too large) are not damage: a link
  // that a newer playground made is fine, this copy of the app just can't read it.
  const damaged = /^The link is damaged:\s*/i;
  if (!damaged.test(message)) return `This share link can't be opened here: ${message} Your own workspace was loaded instead.`;
  const reason = message.replace(damaged, '');
  return `This share link is damaged: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} Your own workspace was loaded instead.`;
}
