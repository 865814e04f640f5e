import type { TraceEvent } from '../trace/traceEvent';
import type { FaultConfig } from './faults/faultConfig';
import type { HostBackend } from './backend/backendTypes';

export type { BlobStorage, HostBackend, KvChange, KvStorage, KvUpdateStep } from './backend/backendTypes';

/**
 * Where the hosts of a run keep data and move messages (plain data: it travels in the
 * `run` message). Absent or `browser`: IndexedDB + BroadcastChannel. `nats`: a NATS server
 * reached over WebSocket; the credentials go to the run worker only, never into share
 * links or exported files (the UI strips them).
 */
export type BackendConfig =
  | { kind: 'browser' }
  | { kind: 'nats'; servers: string; token?: string; user?: string; pass?: string };

/**
 * Per-guest host configuration. It travels from the UI to the run worker inside the
 * `run` message, so it must stay plain structured-cloneable data.
 */
export interface HostConfig {
  /** Name of this guest (node id in the diagram), e.g. "guest-1". */
  guest: string;
  /**
   * Prefix of every IndexedDB database and BroadcastChannel the hosts open. Tests and
   * benchmarks use a unique prefix so runs never see each other's data.
   */
  namespace: string;
  /** Topic patterns the guest's exported incoming-handler is subscribed to (`orders.*`, `>`). */
  subscriptions: string[];
  /** Key-value buckets `open` accepts; empty = any identifier opens (created on demand). */
  buckets: string[];
  /** Seeded fault injection (dropped/delayed/duplicated messages, failing calls); off when absent. */
  faults?: FaultConfig;
  /** Backend of every host of this guest; the browser one when absent. */
  backend?: BackendConfig;
  /** What `wasi:cli` hands a command: arguments, environment, stdin. Absent = program name only, nothing else. */
  cli?: CliConfig;
  /** Values `wasi:config/store` returns (key → value), in the order given. Absent = none. */
  config?: [string, string][];
}

/** A command's start-up inputs (`wasi:cli/environment`, `wasi:cli/stdin`). */
export interface CliConfig {
  /** `get-arguments`: the program name first, as a shell passes it. Empty = just the guest name. */
  args: string[];
  /** `get-environment` pairs. */
  env: [string, string][];
  /** Text `get-stdin` reads (UTF-8), then end of stream. */
  stdin: string;
}

/** Defaults for a new guest; `namespace` "wcp" is the user's real, persistent data. */
export const defaultHostConfig: HostConfig = {
  guest: 'guest-1',
  namespace: 'wcp',
  subscriptions: [],
  buckets: [],
};

/** Emits an event; the runtime fills in id, guest, tab and (if absent) `at`. */
export type EmitTrace = (event: DistributiveOmit<TraceEvent, 'id' | 'guest' | 'tab' | 'at'> & { at?: number }) => void;

/** What a host package receives when a run worker instantiates it. */
export interface HostContext {
  config: HostConfig;
  /** Record an event that is not a plain host call (messages, deliveries, acks). */
  emit: EmitTrace;
  /** Write text to the console pane as the guest's stdout/stderr. */
  log: (stream: 'stdout' | 'stderr', text: string) => void;
  /**
   * Id of the browser tab running this guest (same value the runtime puts in TraceEvent.tab).
   * Optional so hosts work in tests; messaging uses it in CloudEvents `source`.
   */
  tab?: string;
  /**
   * Storage and bus implementation for this run (see backend/backendTypes.ts). Hosts reach it
   * through `backendOf(ctx)`, which falls back to the browser backend when absent.
   */
  backend?: HostBackend;
}

/**
 * Import object jco expects for one interface: functions in camelCase ("listKeys") and
 * resource classes in PascalCase ("Bucket") with methods, static methods and constructor.
 * Functions returning `result<T, E>` return T or throw `{ payload: E }` (or return a
 * `{ tag: 'ok' | 'err', val }` object). Functions may return a Promise only when they are
 * in the JSPI async-import list, which the toolchain derives from the WIT.
 */
export type InterfaceImpl = Record<string, unknown>;

/**
 * A host for one versioned WIT package. Interfaces of one package share state (the
 * `bucket` resource of `store` is used by `atomics` and `batch`), so a package is
 * created as a whole.
 */
export interface HostPackage {
  /** Package id with version, exactly as in WIT: "wasi:keyvalue@0.2.0-draft2". */
  id: string;
  /** Short human description shown in the UI's host list. */
  description: string;
  /**
   * WASI 0.3 (async-lowered) package: a guest may have several calls in flight, so each call
   * is also traced when it starts (HostCallEvent.pending), not only when it completes.
   */
  concurrent?: boolean;
  /** Interface name ("store") → jco import object. Called once per run worker. */
  create(ctx: HostContext): Promise<Record<string, InterfaceImpl>> | Record<string, InterfaceImpl>;
  /**
   * Host-side entry points into guest exports this package drives (incoming-handler,
   * watcher): called after instantiation with the guest's export object.
   */
  attachExports?(ctx: HostContext, exports: Record<string, unknown>): void | Promise<void>;
  /**
   * Exported interfaces `attachExports` calls, each with the guest's host setting that says
   * which calls come (`incoming-handler` → its subscriptions). The Hosts tab lists them: a
   * handler-only guest names nothing of the package but the export, yet the package is its host.
   */
  drives?: Readonly<Record<string, DrivenBy>>;
}

/** The per-guest host setting (HostConfig) that configures calls into a driven export. */
export type DrivenBy = 'subscriptions' | 'buckets';

/** Error thrown from a host function to produce `err(payload)` for the guest. */
export class HostError extends Error {
  constructor(readonly payload: unknown, message?: string) {
    super(message ?? describePayload(payload));
  }
}

/**
 * The host backend cannot be reached (a NATS server down or refused): a fact about the
 * network, not a bug, so it is shown as its message alone, without a JavaScript stack.
 */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

function describePayload(payload: unknown): string {
  if (payload && typeof payload === 'object' && 'tag' in payload) {
    const p = payload as { tag: string; val?: unknown };
    return p.val === undefined ? p.tag : `${p.tag}: ${String(p.val)}`;
  }
  return String(payload);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
