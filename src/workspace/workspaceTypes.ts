import type { Example, ExampleGuest } from '../examples/exampleTypes';

/** Guest languages the toolchain builds. */
export type GuestLang = 'wat' | 'js' | 'ts';

/** One guest the user edits and runs: the editable copy of an example guest. */
export interface WorkspaceGuest {
  /** Node name in the diagram and HostConfig.guest; unique within a workspace. */
  name: string;
  /** Language of `source`: WebAssembly text, JavaScript or TypeScript. */
  lang: GuestLang;
  /** WIT text (the `local:` package plus any nested wasi packages) the guest is built against. */
  wit: string;
  /** Guest code in `lang`. */
  source: string;
  /** World-level export called on Run ("run"); absent for pure message handlers. */
  call?: string;
  /** Topic patterns the guest's exported incoming-handler subscribes to; empty = none. */
  subscriptions: string[];
  /** Key-value buckets `open` accepts and a watcher watches (HostConfig.buckets); absent or empty = any. */
  buckets?: string[];
  /** Command-line arguments, program name first; absent or empty = just the guest name. */
  args?: string[];
  /** Environment variables, `NAME=value` per entry; absent = none. */
  env?: string[];
  /** Standard input text; absent = empty. */
  stdin?: string;
  /** `wasi:config/store` values, `key=value` per entry; absent = none. */
  config?: string[];
}

/** Host-side configuration of a workspace: user-written hosts and injected faults. */
export interface WorkspaceHosts {
  /**
   * User-written host packages keyed by package id (e.g. "wasi:keyvalue"), each an ES
   * module source as accepted by `loadCustomHosts`. Empty object = built-in hosts only.
   */
  customHosts: Record<string, string>;
  /**
   * Fault-injection settings. Opaque here (owned by the fault-injection code); must be
   * plain JSON data because it is shared in URLs and files. Absent = no faults.
   */
  faults?: unknown;
}

/** Per-workspace run settings. */
export interface WorkspaceSettings {
  /** Watchdog limit for one guest call, in milliseconds (> 0). */
  timeLimitMs: number;
}

/** Everything needed to reproduce a playground session: what Share, export and the store save. */
export interface Workspace {
  /**
   * Example this workspace started from. Shares encode only the differences against it,
   * and the UI uses it to offer "reset to example". Absent for workspaces built from scratch.
   */
  exampleId?: string;
  /** Guests in start order (handlers first, so they subscribe before producers send). */
  guests: WorkspaceGuest[];
  hosts: WorkspaceHosts;
  settings: WorkspaceSettings;
}

/** Time limit used when none was chosen; matches the UI's default setting. */
export const DEFAULT_TIME_LIMIT_MS = 5000;

/**
 * The workspace fields of an example guest. Host configuration the Hosts tab edits
 * (subscriptions, buckets) is copied; fault defaults stay with the example, and the runner
 * reads them from there unless the workspace overrides them (Faults tab).
 */
export function guestFromExample(g: ExampleGuest): WorkspaceGuest {
  return {
    name: g.name,
    lang: g.lang,
    wit: g.wit,
    source: g.source,
    ...(g.call !== undefined ? { call: g.call } : {}),
    subscriptions: [...(g.subscriptions ?? [])],
    ...(g.buckets?.length ? { buckets: [...g.buckets] } : {}),
    ...(g.args?.length ? { args: [...g.args] } : {}),
    ...(g.env?.length ? { env: [...g.env] } : {}),
    ...(g.stdin ? { stdin: g.stdin } : {}),
    ...(g.config?.length ? { config: [...g.config] } : {}),
  };
}

/** A fresh, unedited workspace for an example (copies arrays so edits never touch the example). */
export function workspaceFromExample(example: Example): Workspace {
  return {
    exampleId: example.id,
    guests: example.guests.map(guestFromExample),
    hosts: { customHosts: {} },
    settings: { timeLimitMs: DEFAULT_TIME_LIMIT_MS },
  };
}
