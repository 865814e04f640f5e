import type { Diagnostic } from '../../protocol/buildProtocol';
import { parseWit } from '../../wit/parseWit';
import { interfaceId } from '../../wit/witModel';
import { closestName } from '../closestName';
import { findWitInterface } from '../../wit/findWitInterface';
import { jsImportsOf } from './listJsImports';

// StarlingMonkey's wording when a guest imports a name its world's interface does not have:
// the engine calls every WIT import module '<internal>', which names nothing the learner wrote.
const NO_SUCH_EXPORT = /The requested module '[^']*' doesn't provide an export named: '([^']+)'/;
const POSITION = /(?:source\.js|guest\.ts):(\d+):(\d+)/;

/**
 * Turns "The requested module '<internal>' doesn't provide an export named: 'opn'" into what
 * the guest asked for: the function and the WIT interface of its import statement, the
 * interface's nearest name ("did you mean `open`?") and what it offers, marked on the name in
 * the import. `worldSource`: the resolved WIT (user package and shipped ones). Undefined for
 * other errors.
 */
export function explainMissingJsImport(message: string, guestSource: string, worldSource: string): Diagnostic | undefined {
  const m = NO_SUCH_EXPORT.exec(message);
  if (!m) return undefined;
  const name = m[1]!;
  const at = POSITION.exec(message);
  const found = findImport(guestSource, name, at ? Number(at[1]) : undefined);
  if (!found) return undefined;
  const offered = jsNamesOf(worldSource, found.from);
  const meant = offered && closestName(name, offered);
  const list = offered?.map((n) => `\`${n}\``).join(', ');
  const text = !offered
    ? `\`${name}\` is imported from \`${found.from}\`, which the world does not import: add \`import ${found.from};\` to the world or fix the module name.`
    : `\`${found.from}\` has no ${/^[A-Z]/.test(name) ? 'resource' : 'function'} \`${name}\`${meant ? `: did you mean \`${meant}\`?` : '.'} It offers ${list}.`;
  return { file: 'guest', line: found.line, column: found.column, endColumn: found.column + name.length, message: text };
}

// Its wording when an import's module is no interface of the world (`wasi:keyvalue/stor@…`) or
// another file (`./util.js`): "Error loading module "<specifier>" (resolved path "…"): No such
// file or directory", placed at 1:1 on the guest.
const NO_SUCH_MODULE = /Error loading module "([^"]+)"[^\n]*: No such file or directory/;

/**
 * Turns the engine's "Error loading module … No such file or directory" into what the guest
 * got wrong, marked on the module name in its import statement: a WIT interface spelt unlike
 * any the world's WIT has (with the nearest one), or another file, which a one-file guest
 * cannot import. Undefined for other errors.
 */
export function explainUnknownJsModule(message: string, guestSource: string, worldSource: string): Diagnostic | undefined {
  const m = NO_SUCH_MODULE.exec(message);
  if (!m) return undefined;
  const specifier = m[1]!;
  const quoted = new RegExp(`\\bfrom\\s*(['"])${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1`).exec(guestSource);
  if (!quoted) return undefined;
  const before = guestSource.slice(0, quoted.index + quoted[0].indexOf(quoted[1]!) + 1).split('\n');
  const line = before.length;
  const column = before[line - 1]!.length + 1;
  const meant = closestName(specifier, interfacesOf(worldSource));
  const text = !specifier.includes(':')
    ? `\`${specifier}\` is another file: a JavaScript guest is one file, and imports only the WIT interfaces its world imports (\`ns:package/interface@version\`).`
    : `\`${specifier}\` is no interface of the world's WIT, so the engine could not load it${meant ? `: did you mean \`${meant}\`?` : '.'} A guest imports what its world imports, spelt exactly (\`ns:package/interface@version\`).`;
  return { file: 'guest', line, column, endColumn: column + specifier.length, message: text };
}

/** Every interface of the resolved WIT as a JS guest imports it: `ns:pkg/name@version`. */
function interfacesOf(worldSource: string): string[] {
  const parsed = parseWit(worldSource);
  if (!parsed.ok) return [];
  return parsed.doc.packages.flatMap((p) => p.interfaces.map((i) => interfaceId(p, i)));
}

/** The `import { … name … } from '…'` naming `name` (the one on `line`, if several do). */
function findImport(source: string, name: string, line: number | undefined): { from: string; line: number; column: number } | undefined {
  const hits: { from: string; line: number; column: number }[] = [];
  for (const st of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2/g)) {
    const names = st[1]!;
    const inList = new RegExp(`(^|[\\s,])${name.replace(/[$]/g, '\\$')}(?=\\s*(?:,|$|\\sas\\s))`).exec(names);
    if (!inList) continue;
    const offset = st.index! + st[0].indexOf('{') + 1 + inList.index + inList[1]!.length;
    const before = source.slice(0, offset).split('\n');
    hits.push({ from: st[3]!, line: before.length, column: before[before.length - 1]!.length + 1 });
  }
  return hits.find((h) => h.line === line) ?? hits[0];
}

/**
 * What a guest can import from `ns:pkg/name@version` in JavaScript: the interface's functions in
 * camelCase and its resources as classes, as the engine's bindings name them. Undefined when
 * the resolved WIT has no such interface.
 */
function jsNamesOf(worldSource: string, specifier: string): string[] | undefined {
  const iface = findWitInterface(worldSource, specifier, true);
  return iface && jsImportsOf(iface, specifier).map((n) => n.name);
}
