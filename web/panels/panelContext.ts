import type { Example, ExampleGuest, TraceStore, WorkspaceHosts } from '../../src/index';
import type { ConsoleLine } from '../console/consoleTypes';
import type { RunPhase } from '../useRunner';

/**
 * Shared state handed to every output panel. Fields are added, never repurposed, so
 * panels written against an older shape keep working.
 */
export interface PanelContext {
  /** This tab's trace (local and other-tab events). Subscribe; don't copy it into React state wholesale. */
  traceStore: TraceStore;
  console: ConsoleLine[];
  clearConsole(): void;
  /** The example loaded in the editors, undefined for the scratch workspace. */
  example: Example | undefined;
  /** Guests with the user's current (possibly unsaved) sources. */
  guests: ExampleGuest[];
  phase: RunPhase;
  /** Trace event selected in some panel (e.g. Trace → Inspector); undefined when none. */
  selectedEventId: string | undefined;
  selectEvent(id: string | undefined): void;
  /** Switches the output pane to another tab (e.g. "inspector" after a selection). */
  showPanel(id: string): void;
  /**
   * Changes a guest's host configuration in the workspace (persisted; used by the next Run).
   * Optional: views that can't edit the workspace leave it out and the Hosts tab is read-only.
   */
  updateGuestHosts?(index: number, patch: GuestHostsPatch): void;
  /** The workspace's host settings (custom hosts, faults); absent in views without a workspace. */
  hosts?: WorkspaceHosts;
  /** Replaces the workspace's host settings (persisted; used by the next Run). */
  setHosts?(hosts: WorkspaceHosts): void;
  /** Loads an example into the editors (as the picker does); absent where the workspace is fixed (embeds). */
  openExample?(id: string): void;
  /** "Hosts run on" controls (web/backend), shown atop the Hosts tab; absent in embeds. */
  backendSettings?: import('react').ReactNode;
}

/** Host settings of one guest the Hosts tab edits (HostConfig.subscriptions / buckets). */
export interface GuestHostsPatch {
  subscriptions?: string[];
  /** Key-value buckets `open` accepts; empty = any. */
  buckets?: string[];
}
