import { componentEmbed, print } from '@bytecodealliance/jco-transpile/wasm-tools';
import { parseWit } from '../wit/parseWit';
import { interfaceId, witParamList, type WitParam } from '../wit/witModel';
import { analyzeWit } from './analyzeWit';
import { applyAsync, rewriteAsync } from './describeAsyncSignatures';

/**
 * One function a WAT guest of a world imports or exports, as its core module must declare it:
 * the canonical ABI's lowering of the WIT signature, which a person writing WAT otherwise works
 * out by hand (a `list<u8>` is two i32s, a result that is not one number is written through a
 * pointer the guest passes last, a method takes its resource's handle first).
 */
export interface CoreFunction {
  /** The import's module (`wasi:keyvalue/store@0.2.0-draft2`); undefined for an export. */
  module?: string;
  /**
   * The name as the examples write it: `[method]bucket.get`, `[resource-drop]bucket`, `run`,
   * `wasi:messaging/incoming-handler@0.2.0-draft#handle`, `cabi_realloc` (exported when the
   * host must hand the guest lists or strings).
   */
  name: string;
  /** The core signature: `(param i32 i32 i32 i32)`, `(result i64)`, or `` for none. */
  signature: string;
  /** The WIT declaration it lowers (`get: func(key: string) -> result<option<list<u8>>, error>`), when known. */
  wit?: string;
}

/** A world's core imports and exports, for the WAT editor (`web/monaco/watCompletions.ts`). */
export interface CoreSignatures {
  imports: CoreFunction[];
  exports: CoreFunction[];
}

/**
 * What a WAT guest of this world must import and export, with core signatures from
 * wit-component itself (the dummy module `componentEmbed` makes for a world, printed), so they
 * are never computed by a second, possibly different, lowering of ours. The dummy's names use
 * the newer `cm32p2|` scheme; they are given here in the legacy scheme every example and
 * lesson uses (both are accepted). Functions of other kinds (the async ABI's intrinsics) are
 * left out rather than named wrongly. Undefined when the WIT does not analyse.
 */
export async function describeCoreSignatures(wit: string, world?: string): Promise<CoreSignatures | undefined> {
  const analysis = analyzeWit(wit, world);
  if (!analysis.ok) return undefined;
  // The dummy lowers every function synchronously: async funcs are given to it made sync, then
  // turned into the async ABI's forms (describeAsyncSignatures.ts).
  const rewrite = rewriteAsync(analysis.world.source);
  let text: string;
  try {
    text = await print(await componentEmbed({ dummy: true, witSource: rewrite?.source ?? analysis.world.source, world: analysis.world.world }));
  } catch {
    return undefined;
  }
  const signatures = readDummyModule(text);
  // The newer names shorten a version to what semver keeps compatible (`wasi:io/error@0.2`);
  // the legacy ones name it whole (`@0.2.2`), as the world does.
  const full = [...analysis.world.importedInterfaces, ...analysis.world.exportedInterfaces];
  for (const f of signatures.imports) f.module = f.module!.replace(/^(\[export\])?(.*)$/, (_, ex: string | undefined, id: string) => `${ex ?? ''}${fullInterfaceName(id, full)}`);
  for (const f of signatures.exports) {
    const [iface, fn] = f.name.split('#');
    if (fn !== undefined) f.name = `${fullInterfaceName(iface!, full)}#${fn}`;
  }
  const declared = witDeclarations(analysis.world.source);
  for (const f of analysis.world.exports) declared.set(f.name, `${f.name}: ${rewrite?.funcs.has(`$root\u0000${f.name}`) ? 'async ' : ''}func${paramsAndResult(f)}`);
  for (const f of [...signatures.imports, ...signatures.exports]) {
    const decl = declared.get(f.module ? `${f.module}\u0000${f.name}` : f.name);
    if (decl) f.wit = decl;
  }
  return rewrite ? applyAsync(signatures, rewrite) : signatures;
}

const TYPE = /^\s*\(type \(;(\d+);\) \(func ?(.*)\)\)$/;
const IMPORT = /^\s*\(import "cm32p2\|([^"]+)" "([^"]+)" \(func \(;(\d+);\) \(type (\d+)\)\)\)$/;
const EXPORT = /^\s*\(export "cm32p2\|([^"|]*)\|([^"]+)" \(func (\d+)\)\)$/;
/** The allocator the host calls to hand the guest lists and strings (`cabi_realloc` in the legacy names). */
const REALLOC = /^\s*\(export "cm32p2_realloc" \(func (\d+)\)\)$/;
const FUNC = /^\s*\(func \(;(\d+);\) \(type (\d+)\)/;

/** Reads the printed dummy module's types, imports and exports (wasmprinter's layout). */
export function readDummyModule(text: string): CoreSignatures {
  const types = new Map<string, string>();
  const funcTypes = new Map<string, string>();
  const imports: CoreFunction[] = [];
  const exported: [iface: string, name: string, func: string][] = [];
  for (const line of text.split('\n')) {
    let m = TYPE.exec(line);
    if (m) types.set(m[1]!, m[2]!);
    else if ((m = IMPORT.exec(line))) {
      // An exported interface's resources: the guest makes, reads and drops their handles.
      const exported = m[1]!.startsWith('_ex_');
      const name = exported ? exportedResourceIntrinsic(m[2]!) : legacyImportName(m[2]!);
      if (name) imports.push({ module: exported ? `[export]${m[1]!.slice(4)}` : m[1]!, name, signature: types.get(m[4]!) ?? '' });
    } else if ((m = EXPORT.exec(line))) exported.push([m[1]!, m[2]!, m[3]!]);
    else if ((m = REALLOC.exec(line))) exported.push(['', 'cabi_realloc', m[1]!]);
    else if ((m = FUNC.exec(line))) funcTypes.set(m[1]!, m[2]!);
  }
  const exports = exported
    .filter(([, name]) => !name.endsWith('_post'))
    .map(([iface, name, func]): CoreFunction => ({ name: iface ? `${iface}#${name.replace(/^(.+)_dtor$/, '[dtor]$1')}` : name, signature: types.get(funcTypes.get(func) ?? '') ?? '' }));
  return { imports, exports };
}

/** `wasi:io/error@0.2` → `wasi:io/error@0.2.2` when the world has that one; as it is otherwise. */
function fullInterfaceName(name: string, world: readonly string[]): string {
  if (world.includes(name)) return name;
  const at = name.indexOf('@');
  if (at < 0) return name;
  const [base, version] = [name.slice(0, at + 1), name.slice(at + 1)];
  return world.find((id) => id.startsWith(base) && (id.slice(at + 1) === version || id.slice(at + 1).startsWith(`${version}.`))) ?? name;
}

/** `bucket_new` → `[resource-new]bucket` (and `_rep`, `_drop`); others undefined. */
function exportedResourceIntrinsic(name: string): string | undefined {
  const m = /^(.+)_(new|rep|drop)$/.exec(name);
  return m ? `[resource-${m[2]}]${m[1]}` : undefined;
}

/** `bucket_drop` → `[resource-drop]bucket`; the kinds the legacy scheme shares as they are; others undefined. */
function legacyImportName(name: string): string | undefined {
  if (/^\[(method|static|constructor)\]/.test(name)) return name;
  if (name.startsWith('[')) return undefined;
  const drop = /^(.+)_drop$/.exec(name);
  return drop ? `[resource-drop]${drop[1]}` : name;
}

/** `(key: string) -> result<bucket, error>`: a function's parameters and result as WIT writes them. */
function paramsAndResult(f: { params: readonly WitParam[]; result?: string }): string {
  return `(${witParamList(f.params)})${f.result ? ` -> ${f.result}` : ''}`;
}

/** WIT declarations by `module\0jcoName` (imports) and export name, as written, for the editor's documentation. */
function witDeclarations(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const parsed = parseWit(source);
  if (!parsed.ok) return out;
  for (const pkg of parsed.doc.packages) {
    for (const iface of pkg.interfaces) {
      const id = interfaceId(pkg, iface);
      for (const f of iface.functions) {
        const decl = `${f.kind === 'constructor' ? 'constructor' : `${f.name}: ${f.kind === 'static' ? 'static ' : ''}${f.async ? 'async ' : ''}func`}${paramsAndResult(f)}`;
        const where = f.resource && f.kind !== 'constructor' ? `${f.resource}.` : f.resource ? `${f.resource} ` : '';
        out.set(`${id}\u0000${f.jcoName}`, `${where}${decl}`);
        out.set(`${id}#${f.jcoName}`, `${where}${decl}`);
      }
      for (const t of iface.types) if (t.kind === 'resource') out.set(`${id}\u0000[resource-drop]${t.name}`, `resource ${t.name} (dropped by the guest when done)`);
    }
  }
  return out;
}
