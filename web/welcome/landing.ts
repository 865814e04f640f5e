import type { Example } from '../../src/index';

/**
 * The example a first-time visitor lands on: a JavaScript guest (what most newcomers write),
 * small enough to read at a glance, on the interface everyone starts with.
 */
export const LANDING_EXAMPLE_ID = 'js-kv-counter';

/** The three interfaces a newcomer can explore, in the order the course teaches them. */
export const INTERFACES = [
  { id: 'keyvalue', label: 'Key-value', wit: 'wasi:keyvalue' },
  { id: 'messaging', label: 'Messaging', wit: 'wasi:messaging' },
  { id: 'blobstore', label: 'Blobstore', wit: 'wasi:blobstore' },
] as const;

/** One of {@link INTERFACES}. */
export type InterfaceId = (typeof INTERFACES)[number]['id'];

/** What decides whether the page opened as a first visit: no link, no address, no history. */
export interface VisitFacts {
  shareLink: boolean;
  exampleInAddress: boolean;
  embed: boolean;
  lastExampleId?: string;
  lastWorkspaceId?: string;
}

/** True for a visitor with nothing to reopen who came to the bare address. */
export const isFirstVisit = (f: VisitFacts): boolean => !f.shareLink && !f.exampleInAddress && !f.embed && !f.lastExampleId && !f.lastWorkspaceId;

/**
 * The 0.2 examples of one interface, JavaScript/TypeScript first (what a newcomer reads most
 * easily), then WAT. Proposals and WASI 0.3 have their own tabs and picker groups.
 */
export function examplesOf(examples: readonly Example[], iface: InterfaceId): Example[] {
  const mine = examples.filter((e) => e.tags[0] === iface && !e.tags.includes('proposal') && !e.tags.includes('wasi-0.3'));
  const isJs = (e: Example) => e.guests.length > 0 && e.guests.every((g) => g.lang !== 'wat');
  return [...mine.filter(isJs), ...mine.filter((e) => !isJs(e))];
}

/** The guest languages of an example, for a badge ("JS", "WAT", "WAT + JS"). */
export const languagesOf = (e: Example): string => [...new Set(e.guests.map((g) => g.lang.toUpperCase()))].join(' + ');
