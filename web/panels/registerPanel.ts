import type { ComponentType } from 'react';
import type { PanelContext } from './panelContext';

/**
 * Contract for a tab of the output pane (Console, Trace, Diagram, Inspector, ...).
 *
 * - `id`: stable, unique, kebab-case; used as the tab's key, `data-testid="tab-<id>"` and
 *   in the remembered-tab setting. Registering an existing id replaces that panel (hot reload).
 * - `title`: short tab label.
 * - `order`: tabs sort ascending (Console 10, Trace 20; leave gaps for later panels).
 * - `Component`: receives {@link PanelProps}. It is mounted only while its tab is active,
 *   so keep long-lived state in the engine (trace store) or in `ctx`, not in the panel.
 */
export interface PanelDefinition {
  id: string;
  title: string;
  order: number;
  Component: ComponentType<PanelProps>;
  /**
   * The panel shows `ctx.traceStore` (one run's events): the output pane puts the run
   * picker and "compare with previous run" above it.
   */
  traceView?: boolean;
}

/** Props every panel receives. */
export interface PanelProps {
  ctx: PanelContext;
}

const panels = new Map<string, PanelDefinition>();
const listeners = new Set<() => void>();
let snapshot: PanelDefinition[] = [];

function publish(): void {
  snapshot = [...panels.values()].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const fn of listeners) fn();
}

/**
 * Adds (or replaces) a panel. Call at module load from the panel's own file; the
 * returned function unregisters it (used by tests and hot reload).
 */
export function registerPanel(panel: PanelDefinition): () => void {
  if (!/^[a-z][a-z0-9-]*$/.test(panel.id)) throw new Error(`panel id "${panel.id}" must be kebab-case`);
  panels.set(panel.id, panel);
  publish();
  return () => {
    if (panels.get(panel.id) !== panel) return;
    panels.delete(panel.id);
    publish();
  };
}

/** Panels sorted by order. The array identity only changes when the registry does. */
export function listPanels(): PanelDefinition[] {
  return snapshot;
}

/** Notifies on register/unregister; shaped for React's useSyncExternalStore. */
export function subscribePanels(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
