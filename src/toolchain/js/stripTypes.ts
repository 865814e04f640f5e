// TypeScript guests: erase types with the real compiler's `transpileModule` (single-file, no type
// checking). The `typescript` package is ~9 MB of JS, so it is imported only when the first
// TypeScript guest is built. A hand-written stripper would miss enums, parameter properties,
// `satisfies`, decorators and friends; the compiler gets them all right.

/** Result of {@link stripTypes}. */
export interface StrippedSource {
  code: string;
  /** Syntax errors (file:line:col message); the build should stop when non-empty. */
  errors: string[];
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
      sourceMap: false,
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
  return { code: out.outputText, errors };
}
