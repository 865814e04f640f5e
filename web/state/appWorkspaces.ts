import { createWorkspaceStore, examples, importLegacyWorkspaces, workspaceFromExample, type Example, type Workspace, type WorkspaceStore } from '../../src/index';
import { scratchExample } from './scratchExample';
import { safeLocalStorage } from './settings';

/**
 * Every example the UI can show. The scratch workspace lives in web/, so the share codec,
 * store migrations and file import need it added to the engine's built-ins.
 */
export const appExamples: readonly Example[] = [...examples, scratchExample];

/** The example with `id`, or undefined (workspaces from scratch or an unknown example). */
export const findAppExample = (id: string | undefined): Example | undefined => (id === undefined ? undefined : appExamples.find((e) => e.id === id));

/**
 * Id of the record that autosaves an example's edits. It is the id the schema-0
 * migration gives (`legacy-<exampleId>`), so edits saved by the old localStorage store
 * open in place after the one-time import.
 */
export const exampleRecordId = (exampleId: string): string => `legacy-${exampleId}`;

/** True when `ws` holds nothing the example doesn't: autosave then deletes the record. */
export function isPristine(ws: Workspace, example: Example): boolean {
  const base = workspaceFromExample(example);
  return (
    ws.exampleId === example.id &&
    ws.guests.length === base.guests.length &&
    ws.guests.every((g, i) => JSON.stringify(g) === JSON.stringify(base.guests[i])) &&
    Object.keys(ws.hosts.customHosts).length === 0 &&
    ws.hosts.faults === undefined
  );
}

let store: WorkspaceStore | undefined;
let ready: Promise<WorkspaceStore> | undefined;

/**
 * The app's IndexedDB store, after the one-time move of old localStorage edits into it.
 * Awaiting this before the first load means migrated edits show up on the first visit.
 */
export function getAppStore(): Promise<WorkspaceStore> {
  store ??= createWorkspaceStore({ examples: appExamples });
  const s = store;
  ready ??= importLegacyWorkspaces(s, safeLocalStorage(), appExamples).then(
    (result) => {
      if (result.skipped.length) console.warn('Some old saved workspaces could not be moved to IndexedDB:', result.skipped);
      return s;
    },
    () => s,
  );
  return ready;
}
