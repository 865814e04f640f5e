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
  const toOriginal = createPositionMapper(out.sourceMapText ?? '{"mappings":""}');
  // The map comment would make the engine try to load guest.js.map; positions are mapped here.
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const mapMessage = (text: string, generatedName: string) =>
    text.replace(new RegExp(`${generatedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g'), (_m, l: string, c: string) => {
      const pos = toOriginal(Number(l), Number(c));
      return `${fileName}:${pos.line}:${pos.column}`;
    });
  return { code, errors, toOriginal, mapMessage };
}
