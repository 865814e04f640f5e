import type { CoreSignatures } from '../toolchain/describeCoreSignatures';
import { checkUnion, isArrayOf, isBytes, isNumber, isOneOf, isOptional, isShape, isString, isAny } from './validate';

/** Guest source handed to the build worker. */
export type GuestSource =
  | { lang: 'wat'; source: string }
  | { lang: 'js' | 'ts'; source: string }
  | { lang: 'component'; bytes: Uint8Array };

/** Main thread → build worker. */
export type BuildRequest = {
  type: 'build';
  /** Increases per request; replies carry it so results of superseded builds are dropped. */
  seq: number;
  /** Builds in the same slot supersede each other (one slot per guest). */
  slot?: string;
  /** The user's WIT (a world); dependency packages are appended by the toolchain. */
  wit: string;
  /** World to build; defaults to the only world of the user's package. */
  world?: string;
  guest: GuestSource;
  /**
   * Skip the JS fast path (re-snapshot patched into the slot's previous build) and build the
   * whole component, e.g. before a download: fast-path artifacts carry stale `component` bytes.
   */
  full?: boolean;
};

/**
 * Main thread → build worker: prepare the JS engine for this WIT (load it, splice the world's
 * bindings) while the user is still editing, so the first JS build skips the slowest step.
 * With `initialize`, the engine also initialises once over a fixed module of the playground's
 * (src/toolchain/js/warmUpSource.ts, never the guest's code; result dropped), so V8 has compiled
 * the engine's functions before the first build needs them. No reply; errors surface on the
 * next build.
 */
export type WarmRequest = { type: 'warm'; wit: string; world?: string; initialize?: boolean };

/**
 * Main thread → build worker: what a guest of this world can import, for the editors. For a
 * JS/TS guest TypeScript declarations (generateGuestTypes.ts); with `lang: 'wat'` the core
 * signatures a WAT guest declares (describeCoreSignatures.ts). Answered at once, beside any
 * build under way.
 */
export type TypesRequest = { type: 'types'; seq: number; wit: string; world?: string; lang?: 'wat' };

/** Where a diagnostic points. Lines and columns are 1-based. */
export interface Diagnostic {
  file: 'wit' | 'guest' | 'build';
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /**
   * The same mistake as the diagnostic before it, marked in the other editor (a WAT export's
   * WIT function): editors show it; a list of problems (Check's verdict) says the mistake once.
   */
  companion?: boolean;
}

/**
 * The diagnostics to list as problems (Run's console and status, Check's verdict): each
 * mistake once, without its companions; all of them if (oddly) only companions are left.
 */
export function distinctProblems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const distinct = diagnostics.filter((d) => !d.companion);
  return distinct.length ? distinct : [...diagnostics];
}

/** An exported function the UI can call. */
export interface ExportedFunction {
  /** Interface id for interface exports ("wasi:messaging/incoming-handler@0.2.0-draft"), or "" for world-level. */
  iface: string;
  /** WIT name ("run"). */
  name: string;
  params: { name: string; type: string }[];
  result?: string;
}

/**
 * A name a JavaScript guest can import from an interface its world imports, spelt as the
 * engine's bindings spell it; a trap's explanation uses them ("`increment` is a function of
 * wasi:keyvalue/atomics, not a method").
 */
export interface JsImportName {
  /** A function in camelCase, or a resource's class in PascalCase. */
  name: string;
  /** The interface it is imported from (`ns:pkg/iface@version`). */
  from: string;
  /** A function's parameters as its WIT declares them (`bucket: borrow<bucket>, key: string`). */
  params?: string;
  /** A resource's methods, camelCase, with their parameters; absent for a function. */
  methods?: { name: string; params: string }[];
}

/** A built component plus its transpiled JS, ready for a run worker. */
export interface BuildArtifact {
  component: Uint8Array;
  /** jco output files: "guest.js" and core wasm modules. */
  files: [string, Uint8Array][];
  /** Imported packages with versions ("wasi:keyvalue@0.2.0-draft2") and interfaces ("wasi:keyvalue/store@0.2.0-draft2"). */
  importedInterfaces: string[];
  exportedInterfaces: string[];
  exports: ExportedFunction[];
  /** JSPI lists passed to jco generate (kept for the run worker's async guard). */
  asyncImports: string[];
  asyncExports: string[];
  /** JavaScript and TypeScript guests: what their world's interfaces offer to import. */
  jsImports?: JsImportName[];
  /** The component's WIT as wasm-tools prints it. */
  componentWit: string;
  timings: Record<string, number>;
  /**
   * True when a JS guest was rebuilt on the fast path: `files` run the new source, but the
   * component was not rebuilt (the page receives it empty). Request a `full` build before offering it.
   */
  componentStale?: boolean;
  /**
   * TypeScript guests: the v3 source map (JSON) from the type-stripped JS the engine runs
   * (`source.js` in stack traces) to the .ts source, so a runtime exception marks the TS line.
   */
  sourceMap?: string;
}

/** Build worker → main thread. */
export type BuildResponse =
  | { type: 'ready'; loadMs: number }
  | { type: 'progress'; seq: number; stage: string; fraction?: number }
  /** JS engine download progress, not tied to a build (a warm-up may start it): EngineProgress. */
  | { type: 'engine-progress'; stage: 'download' | 'ready' | 'failed'; loaded: number; total: number }
  /** Caches for a returning visit being written (or done): EngineSaving. */
  | { type: 'engine-saving'; saving: boolean; bytes: number }
  | { type: 'built'; seq: number; artifact: BuildArtifact }
  | { type: 'failed'; seq: number; diagnostics: Diagnostic[]; componentWit?: string }
  /** The answer to a TypesRequest: [path, text] per declaration file; none when the WIT does not analyse. */
  | { type: 'types'; seq: number; files?: [string, string][]; core?: CoreSignatures };

const guestCheck = isAny;
const coreFunction = isShape({ module: isOptional(isString), name: isString, signature: isString, wit: isOptional(isString) });
const diagnostic = isShape({ file: isOneOf('wit', 'guest', 'build'), line: isNumber, column: isNumber, message: isString });

/** Returns an error string, or null when `value` is a well-formed BuildRequest. */
export function validateBuildRequest(value: unknown): string | null {
  const err = checkUnion(
    value,
    {
      build: { seq: isNumber, wit: isString, world: isOptional(isString), guest: guestCheck },
      warm: { wit: isString, world: isOptional(isString), initialize: isOptional((v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`)) },
      types: { seq: isNumber, wit: isString, world: isOptional(isString), lang: isOptional(isOneOf('wat')) },
    },
    'build request',
  );
  if (err) return err;
  if ((value as { type: string }).type !== 'build') return null;
  const guest = (value as BuildRequest).guest as { lang?: unknown; source?: unknown; bytes?: unknown };
  if (guest?.lang === 'component') return isBytes(guest.bytes, 'guest.bytes');
  if (guest?.lang === 'wat' || guest?.lang === 'js' || guest?.lang === 'ts') return isString(guest.source, 'guest.source');
  return 'guest.lang must be wat, js, ts or component';
}

/** Returns an error string, or null when `value` is a well-formed BuildResponse. */
export function validateBuildResponse(value: unknown): string | null {
  return checkUnion(
    value,
    {
      ready: { loadMs: isNumber },
      progress: { seq: isNumber, stage: isString },
      'engine-progress': { stage: isOneOf('download', 'ready', 'failed'), loaded: isNumber, total: isNumber },
      'engine-saving': { saving: (v, p) => (typeof v === 'boolean' ? null : `${p} must be a boolean`), bytes: isNumber },
      built: { seq: isNumber, artifact: isShape({ component: isBytes, files: isArrayOf(isAny), exports: isArrayOf(isAny) }) },
      failed: { seq: isNumber, diagnostics: isArrayOf(diagnostic), componentWit: isOptional(isString) },
      types: {
        seq: isNumber,
        files: isOptional(isArrayOf((v, p) => (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' ? null : `${p} must be a [path, text] pair`))),
        core: isOptional(isShape({ imports: isArrayOf(coreFunction), exports: isArrayOf(coreFunction) })),
      },
    },
    'build response',
  );
}
