import type { FaultConfig } from '../hosts/faults/faultConfig';

/** One guest of an example: its code, language and host configuration. */
export interface ExampleGuest {
  /** Node name in the diagram. */
  name: string;
  lang: 'wat' | 'js' | 'ts';
  wit: string;
  source: string;
  /** World-level export to call on Run ("run"); none for pure handlers. */
  call?: string;
  /** Topic patterns for an exported incoming-handler. */
  subscriptions?: string[];
  /** Key-value buckets `open` accepts (HostConfig.buckets); absent or empty = any. */
  buckets?: string[];
  /** Default fault injection for this guest (HostConfig.faults); the UI's fault panel can override it. */
  faults?: FaultConfig;
  /** Command-line arguments, program name first (HostConfig.cli.args); absent = just the guest name. */
  args?: string[];
  /** Environment variables as `NAME=value` lines (HostConfig.cli.env). */
  env?: string[];
  /** Text on standard input (HostConfig.cli.stdin). */
  stdin?: string;
  /** `wasi:config` values as `key=value` lines (HostConfig.config). */
  config?: string[];
}

/** A loadable example from the picker. */
export interface Example {
  id: string;
  title: string;
  /** One paragraph shown under the picker: what it demonstrates and what to look for. */
  description: string;
  /**
   * The paragraph while hosts run on a NATS server, for examples whose `description` tells
   * where the browser keeps things (IndexedDB, BroadcastChannel, tabs): a room on the
   * presenter's server read "lives in IndexedDB" under a header saying NATS.
   */
  natsDescription?: string;
  /** Interfaces it exercises, for grouping in the picker. */
  tags: string[];
  /** Guests in start order; handlers first so they are subscribed before producers send. */
  guests: ExampleGuest[];
  /**
   * Default user-written host packages (ES module sources keyed by package id, as
   * `loadCustomHosts` takes them), e.g. a host for a proposal the example's WIT declares.
   */
  customHosts?: Record<string, string>;
}
