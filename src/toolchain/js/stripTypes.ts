// TypeScript guests: erase types with the real compiler's `transpileModule` (single-file, no type
// checking). The `typescript` package is ~9 MB of JS, so it is imported only when the first
// TypeScript guest is built. A hand-written stripper would miss enums, parameter properties,
// `satisfies`, decorators and friends; the compiler gets them all right.
import { createPositionMapper } from './mapGeneratedPosition';

/** Result of {@link stripTypes}. */
export interface StrippedSource {
  code: string;
  /** Syntax errors (file:line:col message); the build should stop when non-empty. */
  errors: string[];
  /** Maps a 1-based position in `code` to the TypeScript source. */
  toOriginal: (line: number, column: number) => { line: number; column: number };
  /** Rewrites `<generatedName>:line:col` references in engine messages to the TypeScript file. */
  mapMessage: (text: string, generatedName: string) => string;
  /** The v3 source map (JSON) from `code` to the TypeScript, for positions found at run time. */
  sourceMap: string;
}

type TypeScriptApi = typeof import('typescript');
let tsPromise: Promise<TypeScriptApi> | undefined;

function loadTypeScript(): Promise<TypeScriptApi> {
  tsPromise ??= import('typescript').then((m) => ((m as { default?: TypeScriptApi }).default ?? m) as TypeScriptApi);
  return tsPromise;
}

/** Converts a TypeScript ES module into plain JavaScript ES2022 that StarlingMonkey runs. */
export async function stripTypes(source: string, fileName = 'guest.ts'): Promise<StrippedSource> {
  const ts = await loadTypeScript();
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      // Keep `import { x } from 'pkg:ns/iface'` even when x is only used as a type-looking value.
      verbatimModuleSyntax: false,
      isolatedModules: true,
      sourceMap: true,
      removeComments: false,
    },
  });
  const errors = (out.diagnostics ?? [])
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${fileName}:${line + 1}:${character + 1} ${text}`;
    });
  const sourceMap = out.sourceMapText ?? '{"mappings":""}';
  const toOriginal = createPositionMapper(sourceMap);
  // The map comment would make the engine try to load guest.js.map; positions are mapped here.
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const mapMessage = (text: string, generatedName: string) => mapEngineMessage(text, generatedName, fileName, source, toOriginal);
  return { code, errors, toOriginal, mapMessage, sourceMap };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Points an engine message about the stripped JS at the TypeScript: every `<generated>:L:C`,
 * the "Previously declared at line L, column C" of a redeclaration note (which counts in the
 * JS too), and the code excerpt with its caret (`<loc>   let x = 2;` / `<loc> ......^`),
 * which is replaced by the user's own line so the caret sits under what they wrote.
 */
function mapEngineMessage(text: string, generatedName: string, fileName: string, source: string, toOriginal: StrippedSource['toOriginal']): string {
  const location = new RegExp(`^${escapeRegExp(generatedName)}:(\\d+):(\\d+)( |$)`);
  const sourceLines = source.split('\n');
  const lines = text.split('\n');
  let excerpt: { at: string; line: number; column: number } | undefined;
  const mapped = lines.map((line) => {
    const m = location.exec(line);
    let rest = line;
    let at = '';
    if (m) {
      const pos = toOriginal(Number(m[1]), Number(m[2]));
      at = `${fileName}:${pos.line}:${pos.column}`;
      rest = line.slice(m[0].length);
      // The engine repeats the location on the excerpt and caret lines that follow its message.
      if (excerpt?.at === at && /^\.*\^$/.test(rest)) return `${at} ${'.'.repeat(excerpt.column - 1)}^`;
      if (excerpt?.at === at && excerpt.line <= sourceLines.length) return `${at} ${sourceLines[excerpt.line - 1]!.replace(/\s+$/, '')}`;
      excerpt = { at, line: pos.line, column: pos.column };
    }
    rest = rest
      .replace(/\bPreviously declared at line (\d+), column (\d+)/g, (_x, l: string, c: string) => {
        const pos = toOriginal(Number(l), Number(c));
        return `Previously declared at line ${pos.line}, column ${pos.column}`;
      })
      .replace(new RegExp(`${escapeRegExp(generatedName)}:(\\d+):(\\d+)`, 'g'), (_x, l: string, c: string) => {
        const pos = toOriginal(Number(l), Number(c));
        return `${fileName}:${pos.line}:${pos.column}`;
      });
    return m ? `${at}${m[3]}${rest}` : rest;
  });
  return mapped.join('\n');
}
