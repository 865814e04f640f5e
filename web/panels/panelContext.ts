import type { Example, ExampleGuest, TraceStore, WorkspaceHosts } from '../../src/index';
import type { ConsoleLine } from '../console/consoleTypes';
import type { ConsoleHistory } from '../console/createConsoleBuffer';
import type { BuildProgress } from '../console/buildProgress';
import type { RunHistory } from '../runs/useRunHistory';
import type { RunPhase } from '../useRunner';

/**
 * Shared state handed to every output panel. Fields are added, never repurposed, so
 * panels written against an older shape keep working.
 */
export interface PanelContext {
  /**
   * The trace of the run being shown (this tab's and other tabs' events since that Run):
   * a view of the tab's store with the store's interface. Subscribe; don't copy it into
   * React state wholesale.
   */
  traceStore: TraceStore;
  /** The newest console lines (the live window, at most LIVE_LINES of web/console/useConsoleLog). */
  console: ConsoleLine[];
  /** Every console line, for paging back past the live window; absent = `console` is all there is. */
  consoleHistory?: ConsoleHistory;
  clearConsole(): void;
  /** The example loaded in the editors, undefined for the scratch workspace. */
  example: Example | undefined;
  /** Guests with the user's current (possibly unsaved) sources. */
  guests: ExampleGuest[];
  phase: RunPhase;
  /** The build under way, shown live in the console (absent when not building). */
  buildProgress?: BuildProgress;
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
  /** Host code from outside this browser not accepted yet (package ids): not loaded, not even for a syntax check. */
  unreviewedHostCode?: readonly string[];
  /** Loads an example into the editors (as the picker does); absent where the workspace is fixed (embeds). */
  openExample?(id: string): void;
  /** Runs of this tab: which one `traceStore` shows, the picker and the comparison. */
  runs?: RunHistory;
  /** "Hosts run on" controls (web/backend), shown atop the Hosts tab; absent in embeds. */
  backendSettings?: import('react').ReactNode;
}

/** Host settings of one guest the Hosts tab edits (HostConfig.subscriptions / buckets). */
export interface GuestHostsPatch {
  subscriptions?: string[];
  /** Key-value buckets `open` accepts; empty = any. */
  buckets?: string[];
  /** Command-line arguments, program name first (HostConfig.cli.args). */
  args?: string[];
  /** Environment, `NAME=value` entries. */
  env?: string[];
  /** Standard input text. */
  stdin?: string;
  /** wasi:config values, `key=value` entries. */
  config?: string[];
}
