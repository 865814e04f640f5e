import { readViewMode, type ViewMode } from '../presenter/readViewMode';
import type { HashRequest } from '../share/readShareHash';
import { readShareHashDecoded } from '../share/readShareHashOffThread';
import { TIME_LIMIT_RANGE, type Settings } from './settings';
import type { OpenRequest } from './useWorkspace';
import { isFirstVisit, LANDING_EXAMPLE_ID } from '../welcome/landing';

/** What the page was opened with: view mode, the share hash and which workspace to show first. */
export interface Startup {
  mode: ViewMode;
  hash: HashRequest;
  request: OpenRequest;
  /** Settings to start with (a shared workspace brings its time limit). */
  settings: Settings;
  /** Nothing to reopen and no link or example asked for: a newcomer (web/welcome). */
  firstVisit: boolean;
}

const clampLimit = (ms: number) => Math.min(TIME_LIMIT_RANGE.max, Math.max(TIME_LIMIT_RANGE.min, Math.round(ms)));

/**
 * Priority: a readable share link, then `?example=`, then (full app only) the workspace
 * or example open on the last visit. Embedded views ignore the visitor's own history:
 * the embedding page decides what is shown.
 */
export function readStartup(loc: Pick<Location, 'search' | 'hash'>, settings: Settings): Startup {
  const mode = readViewMode(loc.search);
  // Decoded in a worker already when the link is long (web/main.tsx).
  const hash = readShareHashDecoded(loc.hash);
  if (hash.kind === 'share') {
    return { mode, hash, request: hash.request, settings: { ...settings, timeLimitMs: clampLimit(hash.request.workspace.settings.timeLimitMs) }, firstVisit: false };
  }
  const firstVisit = isFirstVisit({ shareLink: false, exampleInAddress: mode.example !== undefined, embed: mode.embed, lastExampleId: settings.lastExampleId, lastWorkspaceId: settings.lastWorkspaceId });
  let request: OpenRequest;
  if (mode.example || mode.embed) request = { kind: 'example', id: mode.example };
  else if (settings.lastWorkspaceId) request = { kind: 'record', id: settings.lastWorkspaceId, fallbackExampleId: settings.lastExampleId };
  // A newcomer starts on a JavaScript guest, not on the first (WAT) example of the picker.
  else request = { kind: 'example', id: settings.lastExampleId ?? LANDING_EXAMPLE_ID };
  return { mode, hash, request, settings, firstVisit };
}

/** The time-limit setting a shared or imported workspace asks for, within the allowed range. */
export const timeLimitOf = (request: OpenRequest & { kind: 'workspace' }): number => clampLimit(request.workspace.settings.timeLimitMs);
