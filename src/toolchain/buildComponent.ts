import { componentNew, componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import type { BuildArtifact, Diagnostic, GuestSource } from '../protocol/buildProtocol';
import { analyzeComponentWorld, isBaseInterface, readRootWorld } from './analyzeComponentWorld';
import { analyzeWit, locateWitBuildError, type AnalysisOutcome, type WorldAnalysis } from './analyzeWit';
import { listJsImports } from './js/listJsImports';
import { locateJsError } from './js/locateJsError';
import { embedWorld } from './embedWorld';
import { watComponent } from './reuseWatComponent';
import { generateBindings } from './generateBindings';
import { readComponentImports } from './readComponentImports';
import { suspendingBaseImports } from './suspendingBaseImports';
import { checkComponentTypes, describeMismatch, type TypeMismatch } from './checkComponentTypes';
import { locateExportMismatch } from './locateExportMismatch';
import { locateImportMismatch } from './locateImportMismatch';
import { locateSyncCallOfAsync } from './locateSyncCallOfAsync';
import { locateMissingMemory } from './locateMissingMemory';
import { cleanMessage, locateWatError } from './locateWatError';

/**
 * Result of one build: an artifact, or diagnostics to show as editor markers. `worldKey`
 * identifies the analysed world (WIT with deps + world name): a later JS build may take the
 * fast path from this artifact only when its key is the same.
 */
/** `componentWit`: an opened component's own WIT, when it could be printed but not run (shown anyway). */
/**
 * `base`: on the JS fast path, the earlier build the artifact was patched from; its files are the
 * next fast path's base, so the artifact's new core module need not be kept (it can be handed over).
 */
export type BuildOutcome = { ok: true; artifact: BuildArtifact; worldKey: string; base?: PreviousBuild } | { ok: false; diagnostics: Diagnostic[]; componentWit?: string };

/** Hook for guest languages other than WAT: produce a component for the analysed world. */
export type ComponentizeGuest = (guest: GuestSource, world: WorldAnalysis, progress: (stage: string, fraction?: number) => void) => Promise<GuestBuild<Uint8Array>>;

/** A guest language's output plus its own step timings in ms (merged into the artifact's `timings` as `js:<step>`). */
export interface GuestBuild<T> {
  output: T;
  timings?: Readonly<Record<string, number>>;
  /** A component to transpile instead of `output` (see TranspileFrom). */
  transpileFrom?: TranspileFrom;
}

/**
 * A stand-in for a component when transpiling: `shell` differs from it only inside its core
 * modules, which are `modules` (in order) — jco's output for the shell, with its module files
 * swapped for these, is its output for the component (the JS guest's world shell: js/worldShell.ts).
 */
export interface TranspileFrom {
  shell: Uint8Array;
  modules: Uint8Array[];
}

/** Fast Run path for JS guests: new transpiled files from an earlier build of the same world. */
export type RebuildGuest = (
  guest: GuestSource,
  world: WorldAnalysis,
  previousFiles: ReadonlyArray<readonly [string, Uint8Array]>,
  progress: (stage: string, fraction?: number) => void,
) => Promise<GuestBuild<[string, Uint8Array][]>>;

/** An earlier successful build in the same slot, for {@link RebuildGuest}. */
export interface PreviousBuild {
  artifact: BuildArtifact;
  worldKey: string;
}

/**
 * WIT + guest → component → JS bindings, all in-process (the build worker). WAT guests
 * are core modules following the canonical-ABI naming: parse, embed the world, wrap into
 * a component. Each step reports failures where the user can fix them.
 */
export async function buildComponent(
  wit: string,
  guest: GuestSource,
  opts: {
    world?: string;
    componentize?: ComponentizeGuest;
    progress?: (stage: string, fraction?: number) => void;
    /** With `previous`, lets a JS/TS build skip componentNew and transpile (see RebuildGuest). */
    rebuild?: RebuildGuest;
    previous?: PreviousBuild;
    /** A base for the fast path when `previous` is of another world (builds kept from an earlier visit). */
    previousFor?: (worldKey: string, world: WorldAnalysis) => Promise<PreviousBuild | undefined>;
  } = {},
): Promise<BuildOutcome> {
  const timings: Record<string, number> = {};
  const report = opts.progress ?? (() => {});
  // Time per reported stage ("stage:<name>", ms), so a build shows where its time went
  // (download, splice, initialise, …) beyond the coarse laps below.
  let stage: { name: string; since: number } | undefined;
  const endStage = () => {
    if (stage) timings[`stage:${stage.name}`] = (timings[`stage:${stage.name}`] ?? 0) + performance.now() - stage.since;
    stage = undefined;
  };
  const progress = (name: string, fraction?: number) => {
    if (name !== stage?.name) {
      endStage();
      if (name !== 'done') stage = { name, since: performance.now() };
    }
    report(name, fraction);
  };
  let t = performance.now();
  const lap = (name: string) => {
    endStage();
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };

  // An opened component brings its own world; the user's WIT plays no part.
  let analysis: AnalysisOutcome;
  let printedWit: string | undefined;
  if (guest.lang === 'component') {
    progress('read-component');
    try {
      printedWit = await componentWit(guest.bytes);
    } catch (e) {
      return { ok: false, diagnostics: [{ file: 'guest', line: 1, column: 1, message: `not a WebAssembly component: ${cleanMessage(messageOf(e))}` }] };
    }
    analysis = analyzeComponentWorld(printedWit).outcome;
  } else {
    analysis = analyzeWit(wit, opts.world);
  }
  if (!analysis.ok) return { ok: false, diagnostics: analysis.diagnostics, componentWit: printedWit };
  const world = analysis.world;
  const worldKey = worldKeyOf(world);
  lap('wit');

  let component: Uint8Array;
  let transpileFrom: TranspileFrom | undefined;
  if (guest.lang === 'component') {
    component = guest.bytes;
  } else if (guest.lang === 'wat') {
    progress('assemble');
    let core: Uint8Array;
    try {
      core = await parse(guest.source);
    } catch (e) {
      return { ok: false, diagnostics: [locateWatError(messageOf(e), guest.source)] };
    }
    try {
      // V8 validates with precise offsets; wasm-tools would report offsets into the component.
      // Synchronously (this is a worker, the module is small): an async compile would add a
      // round trip through V8's compile threads to every build.
      new WebAssembly.Module(core as BufferSource);
    } catch (e) {
      return { ok: false, diagnostics: [locateWatError(messageOf(e), guest.source, core)] };
    }
    lap('parse');
    const syncCall = locateSyncCallOfAsync(guest.source, world.source);
    if (syncCall) return { ok: false, diagnostics: [syncCall] };
    // After an edit that keeps the module's imports and exports, the previous component
    // takes the new core module (see reuseWatComponent); otherwise embed + componentNew.
    let embedFailed = false;
    let reused: boolean;
    try {
      ({ component, reused } = await watComponent(
        core,
        worldKey,
        () =>
          embedWorld(core, world).catch((e: unknown) => {
            embedFailed = true;
            throw e;
          }),
        (embedded) => componentNew(embedded),
      ));
    } catch (e) {
      if (embedFailed) return { ok: false, diagnostics: [locateWitBuildError(wit, messageOf(e))] };
      const mismatch = locateImportMismatch(messageOf(e), guest.source, world.source);
      if (mismatch) return { ok: false, diagnostics: [mismatch] };
      const exportMismatch = locateExportMismatch(messageOf(e), guest.source, wit) ?? locateMissingMemory(messageOf(e), guest.source, wit, world);
      return { ok: false, diagnostics: exportMismatch ?? [{ file: 'guest', line: 1, column: 1, message: `component: ${cleanMessage(messageOf(e))}` }] };
    }
    lap(reused ? 'componentReused' : 'componentNew');
  } else {
    if (!opts.componentize) return { ok: false, diagnostics: [{ file: 'build', line: 1, column: 1, message: `no compiler for ${guest.lang} guests is loaded` }] };
    const asyncUse = findAsyncWit(world.source);
    if (asyncUse) return { ok: false, diagnostics: [{ file: 'wit', line: 1, column: 1, message: jsCannotTargetP3(asyncUse) }] };
    const { rebuild } = opts;
    const previous = opts.previous?.worldKey === worldKey ? opts.previous : rebuild && (await opts.previousFor?.(worldKey, world));
    if (previous && rebuild && previous.worldKey === worldKey) {
      try {
        const rebuilt = await rebuild(guest, world, previous.artifact.files, progress);
        lap('rebuild');
        addStepTimings(timings, rebuilt.timings);
        const files = rebuilt.output;
        return { ok: true, worldKey, base: previous, artifact: { ...previous.artifact, files, componentStale: true, timings } };
      } catch (e) {
        // Only "the previous build doesn't fit" falls back to a full build; guest errors are final.
        if (!/full build is needed/.test(messageOf(e))) return { ok: false, diagnostics: [locateJsError(messageOf(e), wit, guest.source, world.source)] };
      }
    }
    try {
      const built = await opts.componentize(guest, world, progress);
      component = built.output;
      transpileFrom = built.transpileFrom;
      addStepTimings(timings, built.timings);
    } catch (e) {
      return { ok: false, diagnostics: [locateJsError(messageOf(e), wit, guest.source, world.source)] };
    }
    lap('componentize');
  }
  const outcome = await transpile(component, world, timings, lap, progress, printedWit, guest.lang === 'component', transpileFrom);
  // A JS guest's exception names what it called: its trap can then say where that name lives.
  if (outcome.ok && guest.lang !== 'component' && guest.lang !== 'wat') outcome.artifact.jsImports = listJsImports(world.source, world.importedInterfaces);
  if (!outcome.ok || guest.lang !== 'component') return outcome.ok ? { ...outcome, worldKey } : outcome;
  // An opened component: every function it imports must have the host's type, or it would
  // fail later with a confusing conversion error inside a call.
  const dts = outcome.artifact.files.filter(([n]) => n.endsWith('.d.ts'));
  outcome.artifact.files = outcome.artifact.files.filter(([n]) => !n.endsWith('.d.ts'));
  let mismatches: TypeMismatch[];
  try {
    mismatches = await checkComponentTypes(dts, world.source, world.world);
  } catch (e) {
    // The check is a guard, not the run: a generator failure must not block a component jco could transpile.
    mismatches = [];
    console.warn(`type check skipped: ${messageOf(e)}`);
  }
  lap('typeCheck');
  if (mismatches.length > 0) {
    return {
      ok: false,
      componentWit: printedWit,
      diagnostics: mismatches.map((m) => ({ file: 'guest', line: 1, column: 1, message: `type mismatch in ${describeMismatch(m)}` })),
    };
  }
  return { ...outcome, worldKey };
}

async function transpile(
  component: Uint8Array,
  world: WorldAnalysis,
  timings: Record<string, number>,
  lap: (n: string) => void,
  progress: (s: string) => void,
  knownWit?: string,
  /** Also emit jco's TypeScript declarations (the type check of opened components reads them). */
  withTypes = false,
  from?: TranspileFrom,
): Promise<BuildOutcome> {
  progress('transpile');
  // The WASI base interfaces the component imports beyond its world (an opened component's,
  // a JS guest's adapter's): those whose host may answer with a Promise must suspend too.
  const imported = readComponentImports(component);
  const importedBase = (imported ?? []).filter(isBaseInterface);
  const suspending = suspendingBaseImports(importedBase).filter((n) => !world.asyncImports.includes(n));
  if (suspending.length > 0) world = { ...world, asyncImports: [...world.asyncImports, ...suspending] };
  let bindings;
  try {
    bindings = await generateBindings(component, world, withTypes, knownWit, lap, from);
  } catch (e) {
    return { ok: false, diagnostics: [{ file: 'build', line: 1, column: 1, message: `transpile: ${cleanMessage(messageOf(e))}` }] };
  }
  const printed = bindings.wit;
  // The component may import more than the world names: componentize-js adds wasi:cli,
  // wasi:io, wasi:filesystem… (newer versions) through the preview1 adapter. The run worker
  // serves those from its WASI base, so they must be in the list it selects hosts from. The
  // printed WIT names them too, for a binary the import reader does not understand.
  const baseImports = imported || printed.startsWith('//') ? importedBase : readRootWorld(printed).imports.filter(isBaseInterface);
  return {
    ok: true,
    worldKey: '',
    artifact: {
      component,
      files: bindings.files,
      importedInterfaces: [...new Set([...world.importedInterfaces, ...baseImports])],
      exportedInterfaces: world.exportedInterfaces,
      exports: world.exports,
      asyncImports: world.asyncImports,
      asyncExports: world.asyncExports,
      componentWit: printed,
      timings,
    },
  };
}

function addStepTimings(into: Record<string, number>, steps: Readonly<Record<string, number>> | undefined): void {
  for (const [k, v] of Object.entries(steps ?? {})) into[`js:${k}`] = v;
}

/** Identifies an analysed world (WIT with deps + world name) for fast-path bases. */
export function worldKeyOf(world: Pick<WorldAnalysis, 'source' | 'world'>): string {
  return JSON.stringify([world.source, world.world]);
}

/** jco rejects with strings, Error objects or `{ payload }` results depending on the call. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'payload' in e) return String((e as { payload: unknown }).payload);
  return String(e);
}

/** The first WASI 0.3 construct (`async func`, `stream<…>`, `future<…>`) in a world's WIT, if any. */
export function findAsyncWit(source: string): string | undefined {
  // Comments may mention async funcs; only declarations count.
  const code = source.replace(/\/\/[^\n]*/g, '');
  return /\basync\s+func\b|\bstream<|\bfuture</.exec(code)?.[0];
}

/** Why a JavaScript/TypeScript guest cannot be built for a WASI 0.3 world, and where that is tracked. */
export function jsCannotTargetP3(construct: string): string {
  return `JavaScript guests cannot target WASI 0.3 yet: this world uses \`${construct.replace('<', '')}\`, and componentize-js does not support async imports/exports, streams or futures (https://github.com/bytecodealliance/ComponentizeJS/issues/335). Write the guest in WAT (see the "WASI 0.3" examples) or use the 0.2 packages.`;
}
