import type { HostConfig } from '../hosts/hostContract';
import type { TraceBatch } from '../trace/traceBatch';
import type { BuildArtifact } from './buildProtocol';
import { checkUnion, isAny, isArrayOf, isNumber, isOneOf, isOptional, isShape, isString } from './validate';

/** The parts of a build a run worker needs (the component bytes stay on the main thread). */
export type RunnableArtifact = Pick<BuildArtifact, 'files' | 'importedInterfaces' | 'exportedInterfaces' | 'exports' | 'asyncImports' | 'asyncExports'>;

/**
 * A call into an export: a world-level function (`run`) or an interface function written
 * `iface#fn` (`wasi:cli/run@0.2.2#run`). Arguments are JSON-ish values.
 */
export interface ExportCall {
  name: string;
  args: unknown[];
}

/**
 * A guest of the workspace that serves imports of the guest being run (src/runtime/linking).
 * It is instantiated inside the consumer's worker, with its own host configuration.
 */
export interface LinkedGuest {
  name: string;
  artifact: RunnableArtifact;
  config: HostConfig;
  /** Its own imports served by other linked guests: import id → guest name. */
  links: Record<string, string>;
}

/**
 * The guest's largest linear memory (a JavaScript guest's engine, a WAT guest's own): how
 * big it is and the most it can grow to (its module's declared maximum, else 4 GiB).
 */
export interface GuestMemory {
  bytes: number;
  maxBytes: number;
  /** In a heartbeat: the guest called a host or wrote output since the one before (guestMemory.ts). */
  progress?: boolean;
}

/** Main thread → run worker. */
export type RunRequest =
  | {
      type: 'start';
      seq: number;
      artifact: RunnableArtifact;
      config: HostConfig;
      /** Export to call after instantiation; none for handler-only guests. */
      call?: ExportCall;
      /**
       * Optional source of host packages written by the user (proposal variants), keyed by
       * package id. Evaluated in the host-code sandbox reached through `hostPort`, never in
       * the run worker (unless `inWorkerHosts`).
       */
      customHosts?: Record<string, string>;
      /** Port to this run's host-code sandbox worker (transferred); required with customHosts. */
      hostPort?: MessagePort;
      /**
       * Benchmarks only: evaluate `customHosts` in the run worker itself, to measure what the
       * sandbox costs. The UI never sets it; code from links and files must never get it.
       */
      inWorkerHosts?: boolean;
      /**
       * The page already sent the sandbox its `load` (preloadHostCode, while the guest was
       * being built): the worker waits for `loaded` without asking again.
       */
      hostsLoading?: boolean;
      /** Id of the tab that started the guest. */
      tab?: string;
      /** Guests serving this guest's imports, dependencies first (planLinks → providers). */
      linked?: LinkedGuest[];
      /** This guest's imports served by `linked` guests: import id → guest name. */
      links?: Record<string, string>;
      /**
       * The page checked that `artifact`'s JS bindings are byte for byte the ones it last told
       * this worker to prepare: the worker takes its prepared module without comparing again.
       */
      bindingsPrepared?: boolean;
      /** Epoch ms when the page posted this (timeOrigin + now): the worker reports how long it waited. */
      sentAt?: number;
      /**
       * The run's log tail control port (transferred; openLogTail.ts): the worker posts on it
       * the ports its held writes go on, which the page reads if it terminates the worker.
       */
      tailPort?: MessagePort;
    }
  | { type: 'call'; seq: number; call: ExportCall }
  /**
   * To a spare worker before its run: files of the previous run to load ahead (the JS
   * bindings, small core modules). The run uses them only where its own files are identical.
   */
  | { type: 'prepare'; files: RunnableArtifact['files'] }
  /**
   * The run `seq` ended cleanly (its call returned and nothing serves, or a message handler
   * was stopped while idle): drop it and answer `recycled`, so this worker, its code already
   * compiled, can take the next run.
   */
  | { type: 'recycle'; seq: number };

/** Run worker → main thread. `busy` / `idle` drive the watchdog that enforces the time limit. */
export type RunResponse =
  | { type: 'busy'; seq: number; what: string }
  | { type: 'idle'; seq: number }
  /**
   * `guest`: written by a linked guest running in this worker (absent = the guest itself).
   * `tail`: the message holds every write sent on the log tail ports up to this generation
   * (createLogTail.ts): the page closes them unread.
   */
  | { type: 'log'; seq: number; stream: 'stdout' | 'stderr'; text: string; guest?: string; tail?: number }
  /** Trace events in the columnar wire format; startGuest decodes them (decodeTraceBatch). */
  | { type: 'trace'; seq: number; batch: TraceBatch }
  /** `stages`: ms per step from the start request to here (backend, hosts, import, compile, instantiate, attach). */
  /** `runsBefore`: runs this worker had served before this one (0: a fresh worker; see runWorkerPool). */
  | { type: 'instantiated'; seq: number; ms: number; serving: string[]; stages?: Record<string, number>; runsBefore?: number }
  /** `value`: the JSON-safe preview (renderValue); `text`: how the console prints it (formatResult: s64/u64 bare, not quoted). */
  | { type: 'result'; seq: number; name: string; value: unknown; ms: number; exitCode?: number; text?: string }
  /** `memory`: the guest's memory when it trapped (absent before a core instance existed). */
  | { type: 'trap'; seq: number; message: string; stack?: string; memory?: GuestMemory }
  /**
   * The guest's memory before each Run call and, while a call runs, whenever it grew (at most
   * every few hundred ms, see guestMemory.ts): a guest stopped at the time limit can then be
   * told its memory was piling up.
   */
  | ({ type: 'memory'; seq: number } & GuestMemory)
  /**
   * The guest has waited a while for sandboxed host code to answer `what` (absent: it was
   * answered). A stop at the time limit then names the host code (watchHostWaits.ts).
   */
  | { type: 'hostWait'; seq: number; what?: string }
  /**
   * Answer to `recycle`: the run's hosts are closed and nothing of it will post again; or,
   * `refused`, the run cannot be dropped (a call or a delivery is under way, or it serves
   * what only terminating ends): the page terminates the worker at once.
   */
  | { type: 'recycled'; seq: number; refused?: boolean };

const isPort = (v: unknown, p: string) => (v instanceof MessagePort ? null : `${p} must be a MessagePort`);

export function validateRunRequest(value: unknown): string | null {
  return checkUnion(
    value,
    {
      start: {
        seq: isNumber,
        artifact: isShape({ files: isArrayOf(isAny), importedInterfaces: isArrayOf(isString), asyncImports: isArrayOf(isString) }),
        config: isShape({ guest: isString, namespace: isString, subscriptions: isArrayOf(isString) }),
        call: isOptional(isShape({ name: isString, args: isArrayOf(isAny) })),
        hostPort: isOptional(isPort),
        tailPort: isOptional(isPort),
        linked: isOptional(isArrayOf(isShape({ name: isString, artifact: isShape({ files: isArrayOf(isAny), importedInterfaces: isArrayOf(isString), asyncImports: isArrayOf(isString) }), config: isShape({ guest: isString, namespace: isString, subscriptions: isArrayOf(isString) }), links: isShape({}) }))),
        links: isOptional(isShape({})),
        sentAt: isOptional(isNumber),
        bindingsPrepared: isOptional((v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`)),
        hostsLoading: isOptional((v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`)),
      },
      call: { seq: isNumber, call: isShape({ name: isString, args: isArrayOf(isAny) }) },
      prepare: { files: isArrayOf(isAny) },
      recycle: { seq: isNumber },
    },
    'run request',
  );
}

const isArray = (v: unknown, p: string) => (Array.isArray(v) ? null : `${p} must be an array`);

// Built once: a flooded guest sends many responses a second, each validated on receipt.
const runResponseVariants = {
  busy: { seq: isNumber, what: isString },
  idle: { seq: isNumber },
  log: { seq: isNumber, stream: isOneOf('stdout', 'stderr'), text: isString, guest: isOptional(isString), tail: isOptional(isNumber) },
  // The columns themselves are checked as they are decoded (decodeTraceBatch).
  trace: { seq: isNumber, batch: isShape({ guest: isString, idPrefix: isString, first: isNumber, strings: isArrayOf(isString), slots: isArray }) },
  instantiated: { seq: isNumber, ms: isNumber, serving: isArrayOf(isString), stages: isOptional(isShape({})), runsBefore: isOptional(isNumber) },
  result: { seq: isNumber, name: isString, value: isAny, ms: isNumber, exitCode: isOptional(isNumber), text: isOptional(isString) },
  trap: { seq: isNumber, message: isString, stack: isOptional(isString), memory: isOptional(isShape({ bytes: isNumber, maxBytes: isNumber })) },
  memory: { seq: isNumber, bytes: isNumber, maxBytes: isNumber, progress: isOptional((v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`)) },
  hostWait: { seq: isNumber, what: isOptional(isString) },
  recycled: { seq: isNumber, refused: isOptional((v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`)) },
};

export function validateRunResponse(value: unknown): string | null {
  return checkUnion(value, runResponseVariants, 'run response');
}
