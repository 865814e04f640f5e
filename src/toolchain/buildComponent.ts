import { componentEmbed, componentNew, componentWit, parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { $init as bindgenReady, generate } from '@bytecodealliance/jco-transpile/component';
import type { BuildArtifact, Diagnostic, GuestSource } from '../protocol/buildProtocol';
import { analyzeWit, locateWitBuildError, type WorldAnalysis } from './analyzeWit';
import { cleanMessage, locateWatError } from './locateWatError';

/** Result of one build: an artifact, or diagnostics to show as editor markers. */
export type BuildOutcome = { ok: true; artifact: BuildArtifact } | { ok: false; diagnostics: Diagnostic[] };

/** Hook for guest languages other than WAT: produce a component for the analysed world. */
export type ComponentizeGuest = (guest: GuestSource, world: WorldAnalysis, progress: (stage: string, fraction?: number) => void) => Promise<Uint8Array>;

/**
 * WIT + guest → component → JS bindings, all in-process (the build worker). WAT guests
 * are core modules following the canonical-ABI naming: parse, embed the world, wrap into
 * a component. Each step reports failures where the user can fix them.
 */
export async function buildComponent(
  wit: string,
  guest: GuestSource,
  opts: { world?: string; componentize?: ComponentizeGuest; progress?: (stage: string, fraction?: number) => void } = {},
): Promise<BuildOutcome> {
  const timings: Record<string, number> = {};
  const progress = opts.progress ?? (() => {});
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };

  const analysis = analyzeWit(wit, opts.world);
  if (!analysis.ok) return { ok: false, diagnostics: analysis.diagnostics };
  const world = analysis.world;
  lap('wit');

  let component: Uint8Array;
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
      await WebAssembly.compile(core as BufferSource);
    } catch (e) {
      return { ok: false, diagnostics: [locateWatError(messageOf(e), guest.source, core)] };
    }
    lap('parse');
    let embedded: Uint8Array;
    try {
      embedded = await componentEmbed({ binary: core, witSource: world.source, world: world.world });
    } catch (e) {
      return { ok: false, diagnostics: [locateWitBuildError(wit, messageOf(e))] };
    }
    try {
      component = await componentNew(embedded);
    } catch (e) {
      return { ok: false, diagnostics: [{ file: 'guest', line: 1, column: 1, message: `component: ${cleanMessage(messageOf(e))}` }] };
    }
    lap('componentNew');
  } else {
    if (!opts.componentize) return { ok: false, diagnostics: [{ file: 'build', line: 1, column: 1, message: `no compiler for ${guest.lang} guests is loaded` }] };
    try {
      component = await opts.componentize(guest, world, progress);
    } catch (e) {
      return { ok: false, diagnostics: [{ file: 'guest', line: 1, column: 1, message: messageOf(e) }] };
    }
    lap('componentize');
  }
  return transpile(component, world, timings, lap, progress);
}

async function transpile(component: Uint8Array, world: WorldAnalysis, timings: Record<string, number>, lap: (n: string) => void, progress: (s: string) => void): Promise<BuildOutcome> {
  progress('transpile');
  await bindgenReady;
  let out;
  try {
    out = generate(component, {
      name: 'guest',
      instantiation: { tag: 'async' },
      noTypescript: true,
      asyncMode: { tag: 'jspi', val: { imports: world.asyncImports, exports: world.asyncExports } },
    });
  } catch (e) {
    return { ok: false, diagnostics: [{ file: 'build', line: 1, column: 1, message: `transpile: ${cleanMessage(messageOf(e))}` }] };
  }
  lap('generate');
  const printed = await componentWit(component).catch((e: unknown) => `// could not print WIT: ${messageOf(e)}`);
  lap('componentWit');
  return {
    ok: true,
    artifact: {
      component,
      files: out.files,
      importedInterfaces: world.importedInterfaces,
      exportedInterfaces: world.exportedInterfaces,
      exports: world.exports,
      asyncImports: world.asyncImports,
      asyncExports: world.asyncExports,
      componentWit: printed,
      timings,
    },
  };
}

/** jco rejects with strings, Error objects or `{ payload }` results depending on the call. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'payload' in e) return String((e as { payload: unknown }).payload);
  return String(e);
}
