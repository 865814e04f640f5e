import type * as Monaco from 'monaco-editor';
import type { CoreFunction, CoreSignatures } from '../../src/index';

/** The world of the WAT guest being edited (useCoreSignatures.ts); one editor is typed in at a time. */
let current: CoreSignatures | undefined;

/** Set by registerWatCompletions: the Monaco whose WAT editors are asked again on a change. */
let registered: { monaco: typeof Monaco; languageId: string } | undefined;

/** Sets what the WAT editor offers: the core imports and exports of the guest's world. */
export function setCoreSignatures(signatures: CoreSignatures | undefined): void {
  const changed = JSON.stringify(signatures) !== JSON.stringify(current);
  current = signatures;
  if (changed) askAgain();
}

/**
 * A WIT edit's signatures arrive after the worker has built the world (a second or so); a
 * list opened before them, filtered by what was typed since, would offer the old world or go
 * empty. The focused WAT editor whose caret is where a completion applies is asked again.
 */
function askAgain(): void {
  if (!registered) return;
  for (const editor of registered.monaco.editor.getEditors()) {
    const model = editor.getModel();
    const position = editor.getPosition();
    if (!model || !position || !editor.hasTextFocus() || model.getLanguageId() !== registered.languageId) continue;
    const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
    if (IMPORT_MODULE.test(before) || IMPORT_NAME.test(before) || EXPORT_NAME.test(before)) editor.trigger('wat-signatures', 'editor.action.triggerSuggest', {});
  }
}

/** `(import` and the module being typed, or the module written and the name being typed. */
const IMPORT_MODULE = /\(import\s*("[^"]*)?$/;
const IMPORT_NAME = /\(import\s+"([^"]*)"\s*("[^"]*)?$/;
/** `(func (export` or `(func $id (export`, and the name being typed. */
const EXPORT_NAME = /\(func(?:\s+\$[^\s()]+)?\s+\(export\s*("[^"]*)?$/;

/**
 * What a person types to find a function: `get` for `[async-lower][method]bucket.get`. Put
 * first in a completion's filter text so Monaco's fuzzy order ranks a word typed from its
 * start above a word that merely contains it (`[context-get-0]`, `[waitable-set-new]`), and
 * the module after the name, so a function's name counts before its interface's.
 */
function lastWord(name: string): string {
  return name.slice(Math.max(name.lastIndexOf(']'), name.lastIndexOf('.')) + 1);
}

/**
 * Whether the brackets right after the caret close every bracket the line opened before it,
 * so the first is the innermost's (Monaco closes a typed `(` only in some places): replacing
 * it then leaves the outer ones closed; otherwise the completion leaves them as they are.
 */
function closesAll(before: string, after: string): boolean {
  const code = before.replace(/"[^"]*"/g, '').replace(/"[^"]*$/, '');
  const open = (code.match(/\(/g)?.length ?? 0) - (code.match(/\)/g)?.length ?? 0);
  const closing = /^\)*/.exec(after)![0].length;
  return open > 0 && closing >= open;
}

/** `wasi:keyvalue/store@0.2.0-draft2` → `keyvalue/store` (`[export]…` keeps its mark). */
function shortInterface(module: string): string {
  return module.replace(/^(\[export\])?[^:/]+:/, '$1').replace(/@.*$/, '');
}

/**
 * A `$name` for an import: the resource's or the interface's name before the function's
 * (`$bucket.get`, `$store.open`, `$bucket.resource-drop`). The async ABI's marks are kept
 * after it, but for `[async-lower]` (one form of a function is imported at a time):
 * `$container.read.stream-read-0`, `$run.task-return`, `$waitable-set-wait`.
 */
export function importId(f: CoreFunction): string {
  const iface = (f.module ?? '').replace(/^\[export\]/, '').replace(/@.*$/, '').replace(/^.*\//, '');
  const tags: string[] = [];
  let name = f.name;
  for (let m = /^\[([\w-]+)\](.*)$/.exec(name); m; m = /^\[([\w-]+)\](.*)$/.exec(name)) {
    tags.push(m[1]!);
    name = m[2]!;
  }
  const member = tags.find((t) => t === 'method' || t === 'static' || t === 'constructor');
  const marks = tags.filter((t) => t !== member && t !== 'async-lower');
  if (!name) return marks.join('.');
  const base = member === 'constructor' ? `${name}.new` : member || marks.length ? name : `${iface}.${name}`;
  return [base, ...marks].join('.');
}

/** `$id`, or `$id2`, `$id3`… when the module already names a function so (WAT refuses a duplicate). */
function freeId(text: string, id: string): string {
  const taken = (name: string) => new RegExp(`\\$${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.$-])`).test(text);
  if (!taken(id)) return `$${id}`;
  let n = 2;
  while (taken(`${id}${n}`)) n++;
  return `$${id}${n}`;
}

function documentation(f: CoreFunction): Monaco.IMarkdownString {
  const lines = [f.module ? `**${f.module}**` : '**export**'];
  if (f.wit) lines.push('```wit', f.wit, '```');
  lines.push(`core: \`${f.signature || '(no params, no result)'}\``);
  lines.push(explain(f));
  return { value: lines.join('\n\n') };
}

/** What the signature means, by the kind of function (WASI 0.3's async ABI has its own). */
function explain(f: CoreFunction): string {
  if (!f.module) {
    if (f.name.startsWith('[async-lift]')) return 'An async export: the host calls it, and it returns a status word (0 exit, 1 yield, 2 wait on the waitable set in the high bits); the result goes back through `[task-return]`.';
    if (f.name.startsWith('[callback]')) return "Called by the host with (event, waitable, payload) when what the export waits for happens; returns a status word as the export does.";
    return 'The host calls it with this signature; the guest must export it so for the component to build.';
  }
  if (f.name.startsWith('[async-lower]')) return 'The async lowering: returns at once with a status word (low 4 bits the state, 2 = returned; else the rest is a subtask to join to a waitable set and wait on). Params past four flat values go through one pointer; the result is written at the address passed last.';
  if (f.name.startsWith('[task-return]')) return "Hands back the async export's result (flattened as a parameter list); call it once, then return 0 (exit).";
  if (f.module === '$root') return 'A built-in of the async ABI (waitable sets, subtasks, the task context).';
  return "The canonical ABI's lowering: a method takes its resource's handle first; a string or list is two i32s (pointer, length); a result that is not one number is written at the address passed last, which the guest reserves.";
}

/**
 * Completes a WAT guest's imports and exports from its WIT world, with the core signatures
 * wit-component expects (describeCoreSignatures.ts): after `(import` the whole import,
 * `"wasi:keyvalue/store@0.2.0-draft2" "[method]bucket.get" (func $bucket.get (param i32 i32 i32 i32))`,
 * after `(func (export` the export's name and signature. Writing these by hand (how many i32s
 * a `list<u8>` and a `result<option<list<u8>>>` become) was the slowest part of live-coding WAT.
 */
export function registerWatCompletions(monaco: typeof Monaco, languageId: string): void {
  registered = { monaco, languageId };
  monaco.languages.registerCompletionItemProvider(languageId, {
    triggerCharacters: [' ', '"'],
    // Incomplete: Monaco asks again at each key typed, so a list opened just before a WIT
    // edit's signatures arrived is replaced by the new world's (askAgain reopens a closed one).
    provideCompletionItems(model, position) {
      if (!current) return { suggestions: [] };
      const line = model.getLineContent(position.lineNumber);
      const before = line.slice(0, position.column - 1);
      let after = line.slice(position.column - 1);
      let end = position.column;
      // Monaco closes a typed quote and bracket: the completion replaces the closing quote.
      if (after.startsWith('"')) {
        end++;
        after = after.slice(1);
      }
      const text = model.getValue();
      const named = IMPORT_NAME.exec(before);
      const module = named ? undefined : IMPORT_MODULE.exec(before);
      if (named || module) {
        const typed = (named ? named[2] : module![1]) ?? '';
        // The import's own closing bracket (Monaco's) is replaced too, so the caret ends after the import.
        if (closesAll(before, after)) end++;
        const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, end);
        const offered = named ? current.imports.filter((f) => f.module === named[1]) : current.imports;
        const suggestions = offered.map((f, i): Monaco.languages.CompletionItem => {
          const rest = `"${f.name}" (func ${freeId(text, importId(f))}${f.signature ? ` ${f.signature}` : ''}))`;
          return {
            // The interface alone: a world imports one version of each, and the widget cuts a long description.
            label: { label: f.name, description: shortInterface(f.module!) },
            kind: monaco.languages.CompletionItemKind.Function,
            detail: f.signature || '(func)',
            documentation: documentation(f),
            insertText: named ? rest : `"${f.module}" ${rest}`,
            filterText: named ? `"${lastWord(f.name)} ${f.name}"` : `"${lastWord(f.name)} ${f.name}" "${f.module}"`,
            sortText: String(i).padStart(4, '0'),
            range,
          };
        });
        return { suggestions, incomplete: true };
      }
      const exported = EXPORT_NAME.exec(before);
      if (!exported) return { suggestions: [] };
      const typed = exported[1] ?? '';
      // The export's bracket, when Monaco closed it as well as the function's (which stays: the body goes before it).
      if (closesAll(before, after)) end++;
      const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, end);
      const suggestions = current.exports.map((f, i): Monaco.languages.CompletionItem => ({
        label: { label: f.name, description: 'export' },
        kind: monaco.languages.CompletionItemKind.Function,
        detail: f.signature || '(func)',
        documentation: documentation(f),
        insertText: `"${f.name}")${f.signature ? ` ${f.signature}` : ''}`,
        filterText: `"${f.name}"`,
        sortText: String(i).padStart(4, '0'),
        range,
      }));
      return { suggestions, incomplete: true };
    },
  });
}
