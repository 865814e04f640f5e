// Shipped TypeScript guests against the declarations the editors get for their world
// (generateGuestTypes.ts): one must show no squiggle, or a newcomer is told the example is
// wrong. And what a JavaScript guest that opts in with `// @ts-check` is told. The compiler
// options are the editors' (web/monaco/setupMonaco.ts: TypeScript strict, JavaScript not).
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { $init } from '@bytecodealliance/jco-transpile/component';
import { examples } from '../examples/index';
import { lessons } from '../learn/lessons/index';
import { generateGuestTypes } from './generateGuestTypes';

/** Module not found (imports outside the world): hidden in the editors too. */
const IGNORED = new Set([2307, 2792]);

/** Parsed lib files, shared by every program (parsing lib.esnext took seconds per program). */
const libs = new Map<string, ts.SourceFile | undefined>();

function problemsOf(source: string, lang: 'js' | 'ts', wit: string): string[] {
  const types = generateGuestTypes(wit);
  if (!types) throw new Error('the world did not analyse');
  const guest = lang === 'ts' ? '/guest.ts' : '/guest.js';
  const files = new Map<string, string>([[guest, lang === 'js' ? `// @ts-check\n${source}` : source], ...types.map(([p, t]): [string, string] => [`/wit-imports/${p}`, t])]);
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, allowNonTsExtensions: true, strict: lang === 'ts', allowJs: true, noEmit: true, lib: ['lib.esnext.full.d.ts'] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    if (files.has(name)) return ts.createSourceFile(name, files.get(name)!, version);
    if (!libs.has(name)) libs.set(name, read(name, version));
    return libs.get(name);
  };
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(guest))
    .filter((d) => !IGNORED.has(d.code))
    .map((d) => `${d.start === undefined ? '' : program.getSourceFile(guest)!.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

// Slow (≈5 s on a quiet machine): the first program parses TypeScript's own lib files.
describe('shipped TypeScript guests, and a JavaScript one with // @ts-check, against their worlds’ declarations', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await $init;
  });

  const typescript = [
    ...examples.flatMap((e) => e.guests.filter((g) => g.lang === 'ts').map((g) => ({ where: `${e.id}/${g.name}`, wit: g.wit, source: g.source }))),
    ...lessons.flatMap((l) => l.guests.filter((g) => g.lang === 'ts').map((g) => ({ where: `lesson ${l.id}/${g.name}`, wit: g.wit, source: l.solution[g.name] ?? g.source }))),
  ];
  it('has TypeScript guests to check', () => expect(typescript.length).toBeGreaterThan(0));
  it.each(typescript)('$where has no type error', ({ wit, source }) => {
    expect(problemsOf(source, 'ts', wit)).toEqual([]);
  });

  it('finds what a newcomer gets wrong: text for bytes, a function called as a method, a number for an s64', () => {
    const wit = examples.find((e) => e.id === 'js-kv-counter')!.guests[0]!.wit;
    const wrong = ["import { open } from 'wasi:keyvalue/store@0.2.0-draft2';", "import { increment } from 'wasi:keyvalue/atomics@0.2.0-draft2';", 'export function run() {', "  const bucket = open('counters');", "  bucket.set('greeting', 'hello');", "  bucket.increment('visits', 1n);", "  return increment(bucket, 'visits', 1);", '}'].join('\n');
    const problems = problemsOf(wrong, 'js', wit);
    expect(problems).toEqual([
      expect.stringMatching(/^6: Argument of type 'string' is not assignable to parameter of type 'Uint8Array/),
      expect.stringMatching(/^7: Property 'increment' does not exist on type 'Bucket'/),
      expect.stringMatching(/^8: Argument of type 'number' is not assignable to parameter of type 'bigint'/),
    ]);
  });
});
