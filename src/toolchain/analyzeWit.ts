import type { Diagnostic, ExportedFunction } from '../protocol/buildProtocol';
import { deriveAsyncNames } from '../wit/deriveAsyncNames';
import { locateWitError } from '../wit/locateWitError';
import { parseWit } from '../wit/parseWit';
import { resolveWitDeps } from '../wit/resolveWitDeps';

/** Everything the toolchain needs to know about the world being built. */
export interface WorldAnalysis {
  /** User WIT + shipped dependency packages, nested; user line numbers unchanged. */
  source: string;
  world: string;
  importedInterfaces: string[];
  exportedInterfaces: string[];
  exports: ExportedFunction[];
  asyncImports: string[];
  asyncExports: string[];
}

export type AnalysisOutcome = ({ ok: true } & { world: WorldAnalysis }) | { ok: false; diagnostics: Diagnostic[] };

/**
 * Resolves the user's WIT against the shipped packages, picks the world (the one named, or
 * the only world of the user's own package) and derives the JSPI lists from it, so nothing
 * about async imports is hand-written.
 */
export function analyzeWit(userWit: string, worldName?: string): AnalysisOutcome {
  // Every Run after a code-only edit analyses the same WIT again: answer from the last few.
  const key = `${worldName ?? ''}\u0000${userWit}`;
  const known = recent.get(key);
  if (known) return known;
  const outcome = analyze(userWit, worldName);
  recent.set(key, outcome);
  while (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return outcome;
}

/** Outcomes of the last few analyses (they are pure functions of the WIT text and world name). */
const recent = new Map<string, AnalysisOutcome>();
const RECENT = 4;

function analyze(userWit: string, worldName?: string): AnalysisOutcome {
  const resolved = resolveWitDeps(userWit);
  if (resolved.diagnostics.length) return { ok: false, diagnostics: resolved.diagnostics.map((d) => ({ file: 'wit', ...d })) };
  const parsed = parseWit(resolved.source);
  if (!parsed.ok) return { ok: false, diagnostics: [toUserDiagnostic(parsed.error, resolved.userLineCount)] };
  const world = worldName ?? pickWorld(parsed.doc.packages[0]?.worlds.map((w) => w.name) ?? []);
  if (!world) return { ok: false, diagnostics: [{ file: 'wit', line: 1, column: 1, message: 'no world found: declare one, e.g. `world app { export run: func(); }`' }] };
  const names = deriveAsyncNames(resolved.source, world);
  if ('message' in names) return { ok: false, diagnostics: [toUserDiagnostic(names, resolved.userLineCount)] };
  return {
    ok: true,
    world: {
      source: resolved.source,
      world,
      importedInterfaces: names.importedInterfaces,
      exportedInterfaces: names.exportedInterfaces,
      exports: names.worldExports.map((f) => ({ iface: '', name: f.name, params: f.params.map((p) => ({ name: p.name, type: p.type })), result: f.result })),
      asyncImports: names.imports,
      asyncExports: names.exports,
    },
  };
}

/** When several worlds exist the first is built; the UI lets the user name another. */
function pickWorld(worlds: string[]): string | undefined {
  return worlds[0];
}

function toUserDiagnostic(pos: { line: number; column: number; message: string; endColumn?: number }, userLines: number): Diagnostic {
  // A position past the user's text is inside a shipped package: report it at the top.
  if (pos.line > userLines) return { file: 'wit', line: 1, column: 1, message: `in a shipped WIT package: ${pos.message}` };
  return { file: 'wit', line: pos.line, column: pos.column, endColumn: pos.endColumn, message: pos.message };
}

/** Places an error from wasm-tools (which carries no usable position) in the user's WIT. */
export function locateWitBuildError(userWit: string, message: string): Diagnostic {
  const { line, column, endColumn, message: text } = locateWitError(message, userWit);
  return { file: "wit", line, column, endColumn, message: text };
}
