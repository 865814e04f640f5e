import type { ExampleGuest } from '../../src/index';

/** The user's edited copy of one guest. `name` ties it back to the example's guest. */
export interface GuestSources {
  name: string;
  wit: string;
  source: string;
}

/** Everything saved for one example. */
export interface Workspace {
  exampleId: string;
  guests: GuestSources[];
  savedAt: number;
}

/**
 * Persistence of edited sources, one workspace per example. Async on purpose: the
 * localStorage implementation below is a stop-gap and will be replaced by IndexedDB
 * without touching callers. Implementations must never throw for missing/corrupt data
 * (resolve undefined instead) so a broken store can't keep the app from loading.
 */
export interface WorkspaceStore {
  load(exampleId: string): Promise<Workspace | undefined>;
  save(workspace: Workspace): Promise<void>;
  /** Forgets edits so the example's original sources show again. */
  remove(exampleId: string): Promise<void>;
}

const PREFIX = 'wcp:workspace:v1:';

function isGuestSources(value: unknown): value is GuestSources {
  const g = value as GuestSources;
  return !!g && typeof g.name === 'string' && typeof g.wit === 'string' && typeof g.source === 'string';
}

/** localStorage-backed {@link WorkspaceStore}. */
export function createLocalWorkspaceStore(storage: Storage | undefined = globalThis.localStorage): WorkspaceStore {
  return {
    async load(exampleId) {
      try {
        const raw = storage?.getItem(PREFIX + exampleId);
        if (!raw) return undefined;
        const value = JSON.parse(raw) as Partial<Workspace>;
        if (!Array.isArray(value.guests) || !value.guests.every(isGuestSources)) return undefined;
        return { exampleId, guests: value.guests, savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0 };
      } catch {
        return undefined;
      }
    },
    async save(workspace) {
      try {
        storage?.setItem(PREFIX + workspace.exampleId, JSON.stringify(workspace));
      } catch {
        // Quota exceeded: the edit stays in memory for this session.
      }
    },
    async remove(exampleId) {
      storage?.removeItem(PREFIX + exampleId);
    },
  };
}

/**
 * Applies saved edits to an example's guests. Guests are matched by name so a saved
 * workspace from an older version of the example can't add or drop guests.
 */
export function applyWorkspace(guests: ExampleGuest[], workspace: Workspace | undefined): ExampleGuest[] {
  if (!workspace) return guests;
  return guests.map((g) => {
    const saved = workspace.guests.find((s) => s.name === g.name);
    return saved ? { ...g, wit: saved.wit, source: saved.source } : g;
  });
}
