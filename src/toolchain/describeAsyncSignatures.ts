import { parseWit } from '../wit/parseWit';
import { interfaceId, offsetsIn, type WitFunction } from '../wit/witModel';
import type { CoreFunction, CoreSignatures } from './describeCoreSignatures';
import { createTypeExpander } from './expandNamedTypes';

/**
 * WASI 0.3's `async func`s as a WAT guest declares them. wit-component's dummy module (what
 * describeCoreSignatures reads) lowers every function synchronously; a sync call of an async
 * import builds, but the 0.3 host here traps on it ("subtask cannot deliver resolution
 * twice"), and the examples use the async ABI. So the world is given to the dummy with its
 * async funcs made sync, each with a sibling `zzwcp-<name>: func(r: <result>)` whose lowering
 * is task.return's, and the async forms are derived from those by the Canonical ABI's
 * `flatten_functype` rules:
 *   async lower: params flat when at most 4 (else one pointer), plus a pointer for the result
 *     when there is one; returns a status word;
 *   async lift (callback): the sync lift's params; returns a status word; a `[callback]` export
 *     takes (event, waitable, payload); `[task-return]` takes the result as sync lowering
 *     would take it as a parameter.
 */
export interface AsyncRewrite {
  /** The source with `async func` made `func` and the siblings added. */
  source: string;
  /** The async funcs by `module\0jcoName` (world-level: `$root\0name`). */
  funcs: Map<string, WitFunction>;
  /**
   * Functions whose types hold a `stream<…>` or `future<…>` (behind named types too), by the
   * same key, with their parameter and result types written out (expandNamedTypes.ts).
   */
  streaming: Map<string, { func: WitFunction; types: string }>;
}

const SIBLING = 'zzwcp-';
/** A sibling's plain name: `zzwcp-run`, or a resource's `bucket.zzwcp-get`. */
const SIBLING_NAME = new RegExp(`(^|\\.)${SIBLING}`);
/** `stream<u8>`, `future` (not `input-stream`). */
const STREAM_OR_FUTURE = /(?<![\w-])(stream|future)(?![\w-])/;
const MAX_FLAT_ASYNC_PARAMS = 4;
/** Async ABI built-ins a 0.3 guest imports from `$root`, with the signatures the examples use. */
const BUILTINS: [string, string][] = [
  ['[waitable-set-new]', '(result i32)'],
  ['[waitable-set-wait]', '(param i32 i32) (result i32)'],
  ['[waitable-set-poll]', '(param i32 i32) (result i32)'],
  ['[waitable-set-drop]', '(param i32)'],
  ['[waitable-join]', '(param i32 i32)'],
  ['[subtask-drop]', '(param i32)'],
  ['[context-get-0]', '(result i32)'],
  ['[context-set-0]', '(param i32)'],
];

/** The rewrite, or undefined when the source declares no async func (or does not parse). */
export function rewriteAsync(source: string): AsyncRewrite | undefined {
  const parsed = parseWit(source);
  if (!parsed.ok) return undefined;
  const funcs = new Map<string, WitFunction>();
  const streaming = new Map<string, { func: WitFunction; types: string }>();
  const inserts: [offset: number, text: string][] = [];
  const offset = offsetsIn(source);
  const expand = createTypeExpander(source, parsed.doc, offset);
  const note = (module: string, scope: Parameters<typeof expand>[0], f: WitFunction, sibling: (name: string, type: string) => string) => {
    const key = `${module}\u0000${f.jcoName}`;
    const types = expand(scope, typeText(f));
    if (STREAM_OR_FUTURE.test(types)) streaming.set(key, { func: f, types });
    if (!f.async) return;
    funcs.set(key, f);
    if (f.result && f.end) inserts.push([offset(f.end) + 1, ` ${sibling(`${SIBLING}${f.name}`, f.result)}`]);
  };
  for (const pkg of parsed.doc.packages) {
    for (const iface of pkg.interfaces) {
      const id = interfaceId(pkg, iface);
      for (const f of iface.functions) note(id, iface, f, (name, type) => `${name}: ${f.resource ? 'static ' : ''}func(r: ${type});`);
    }
    for (const world of pkg.worlds)
      for (const item of world.items) if (item.kind === 'function') note('$root', world, item.func, (name, type) => `${item.direction} ${name}: func(r: ${type});`);
  }
  if (funcs.size === 0 && streaming.size === 0) return undefined;
  let text = source;
  for (const [at, insert] of inserts.sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + insert + text.slice(at);
  return { source: text.replace(/\basync(\s+func\b)/g, '$1'), funcs, streaming };
}

/** `key: string, value: stream<u8>` and the result: where a function's streams and futures are counted. */
function typeText(f: WitFunction): string {
  return `${f.params.map((p) => p.type).join(', ')} -> ${f.result ?? ''}`;
}

/** The sync signatures of the rewritten world, turned into the async ABI's (a new list). */
export function applyAsync(core: CoreSignatures, rewrite: AsyncRewrite): CoreSignatures {
  const isSibling = (name: string) => SIBLING_NAME.test(plain(name.replace(/^.*#/, '')));
  // By the function's plain name: a sibling of a resource's method is a static function.
  const siblingParams = new Map<string, string>();
  const present = new Set<string>();
  for (const f of core.imports) {
    const key = `${f.module}\u0000${f.name}`;
    if (isSibling(f.name)) siblingParams.set(plainKey(key).replace(SIBLING, ''), f.signature);
    else present.add(key);
  }
  for (const f of core.exports) {
    if (isSibling(f.name)) siblingParams.set(plainKey(exportKey(f.name)).replace(SIBLING, ''), f.signature);
    else present.add(exportKey(f.name));
  }
  const imports: CoreFunction[] = [];
  for (const f of core.imports) {
    if (isSibling(f.name)) continue;
    const async = rewrite.funcs.get(`${f.module}\u0000${f.name}`);
    imports.push(async ? { ...f, name: `[async-lower]${f.name}`, signature: asyncLower(f.signature, !!async.result) } : f);
  }
  const exports: CoreFunction[] = [];
  for (const f of core.exports) {
    if (isSibling(f.name)) continue;
    const key = exportKey(f.name);
    const async = rewrite.funcs.get(key);
    if (!async) {
      exports.push(f);
      continue;
    }
    const [module] = key.split('\u0000') as [string];
    exports.push({ ...f, name: `[async-lift]${f.name}`, signature: join(params(f.signature), '(result i32)') });
    exports.push({ name: `[callback][async-lift]${f.name}`, signature: '(param i32 i32 i32) (result i32)', wit: f.wit });
    const returned = siblingParams.get(plainKey(key));
    imports.push({ module: `[export]${module}`, name: `[task-return]${async.jcoName}`, signature: returned ? params(returned) : '', wit: f.wit });
  }
  // Only the world's own functions: the source holds every package it uses, whole.
  for (const [key, f] of rewrite.streaming) if (present.has(key)) imports.push(...streamBuiltins(key, f.func, f.types, core.exports.some((e) => exportKey(e.name) === key)));
  if (rewrite.funcs.size > 0) imports.push(...BUILTINS.map(([name, signature]) => ({ module: '$root', name, signature })));
  return { imports, exports };
}

/** `[method]bucket.get` → `bucket.get`. */
function plain(name: string): string {
  return name.replace(/^\[[\w-]+\]/, '');
}

function plainKey(key: string): string {
  const [module, name] = key.split('\u0000') as [string, string];
  return `${module}\u0000${plain(name)}`;
}

/** `iface#fn` → `iface\0fn`; `run` → `$root\0run`. */
function exportKey(name: string): string {
  const hash = name.lastIndexOf('#');
  return hash < 0 ? `$root\u0000${name}` : `${name.slice(0, hash)}\u0000${name.slice(hash + 1)}`;
}

/** `(param i32 i32) (result i64)` → `(param i32 i32)`. */
function params(signature: string): string {
  return /\(param [^)]*\)/.exec(signature)?.[0] ?? '';
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** The async lowering, from the sync one: the sync one's trailing result pointer (when it had one) dropped, flat params capped at 4. */
function asyncLower(sync: string, hasResult: boolean): string {
  let flat = params(sync).replace(/^\(param ?|\)$/g, '').split(' ').filter(Boolean);
  if (hasResult && !/\(result /.test(sync)) flat = flat.slice(0, -1);
  if (flat.length > MAX_FLAT_ASYNC_PARAMS) flat = ['i32'];
  if (hasResult) flat.push('i32');
  return join(flat.length ? `(param ${flat.join(' ')})` : '', '(result i32)');
}

/** The stream and future built-ins of one function, numbered as its types name them, left to right. */
function streamBuiltins(key: string, f: WitFunction, types: string, exported: boolean): CoreFunction[] {
  const [module] = key.split('\u0000') as [string];
  const kinds = [...types.matchAll(new RegExp(STREAM_OR_FUTURE, 'g'))].map((m) => m[1] as 'stream' | 'future');
  const out: CoreFunction[] = [];
  kinds.forEach((kind, i) => {
    const rw = kind === 'stream' ? '(param i32 i32 i32) (result i32)' : '(param i32 i32) (result i32)';
    const named: [string, string][] = [
      [`[${kind}-new-${i}]`, '(result i64)'],
      [`[${kind}-read-${i}]`, rw],
      [`[async-lower][${kind}-read-${i}]`, rw],
      [`[${kind}-write-${i}]`, rw],
      [`[async-lower][${kind}-write-${i}]`, rw],
      [`[${kind}-cancel-read-${i}]`, '(param i32) (result i32)'],
      [`[${kind}-cancel-write-${i}]`, '(param i32) (result i32)'],
      [`[${kind}-drop-readable-${i}]`, '(param i32)'],
      [`[${kind}-drop-writable-${i}]`, '(param i32)'],
    ];
    for (const [prefix, signature] of named) out.push({ module: exported ? `[export]${module}` : module, name: `${prefix}${f.jcoName}`, signature, wit: `${kind} #${i} of ${f.jcoName}` });
  });
  return out;
}
