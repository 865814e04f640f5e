import type { WitCursor } from './witCursor';
import type { WitFunction, WitParam, WitTypeDef } from './witModel';

const PRIMITIVES = new Set([
  'bool', 'char', 'string', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'error-context',
]);

/**
 * Deeper type nesting is refused with an error at the type that goes too deep: real WIT
 * never comes close, and a pasted `list<list<…>>` 100,000 deep would otherwise overflow
 * the stack (here and in the toolchain) and surface as an internal error at 1:1.
 */
export const MAX_TYPE_DEPTH = 100;
let depth = 0;

/** Parses a type expression and renders it back as normalised WIT text (`list<u8>`). */
export function parseType(c: WitCursor): string {
  if (depth > MAX_TYPE_DEPTH) c.fail(`types are nested more than ${MAX_TYPE_DEPTH} deep here; give the inner type a name (type x = …) instead`);
  depth++;
  try {
    return parseTypeBody(c);
  } finally {
    depth--;
  }
}

function parseTypeBody(c: WitCursor): string {
  const t = c.peek();
  if (t.kind === 'id' && !t.escaped && PRIMITIVES.has(t.text)) return c.next().text;
  if (c.accept('list') || c.accept('option')) {
    const head = c.previousText();
    c.expect('<');
    const inner = parseType(c);
    c.expect('>');
    return `${head}<${inner}>`;
  }
  if (c.accept('borrow') || c.accept('own')) {
    const head = c.previousText();
    c.expect('<');
    const inner = c.ident('a resource name').text;
    c.expect('>');
    return `${head}<${inner}>`;
  }
  if (c.accept('future') || c.accept('stream')) {
    const head = c.previousText();
    if (!c.accept('<')) return head;
    const inner = parseType(c);
    c.expect('>');
    return `${head}<${inner}>`;
  }
  if (c.accept('tuple')) {
    c.expect('<');
    const parts = [parseType(c)];
    while (c.accept(',') && !c.at('>')) parts.push(parseType(c));
    c.expect('>');
    return `tuple<${parts.join(', ')}>`;
  }
  if (c.accept('result')) {
    if (!c.accept('<')) return 'result';
    const ok = c.accept('_') ? '_' : parseType(c);
    const err = c.accept(',') ? parseType(c) : undefined;
    c.expect('>');
    return err === undefined ? `result<${ok}>` : `result<${ok}, ${err}>`;
  }
  return c.ident('a type').text;
}

/** `(a: t, b: u)` — the opening parenthesis is consumed here. */
export function parseParams(c: WitCursor): WitParam[] {
  c.expect('(');
  const params: WitParam[] = [];
  while (!c.at(')')) {
    const name = c.ident('a parameter name').text;
    c.expect(':');
    params.push({ name, type: parseType(c) });
    if (!c.accept(',')) break;
  }
  c.expect(')');
  return params;
}

/**
 * Parses `async? func(params) (-> type)?` after `name:` (and after `static`, for resources).
 * The caller supplies the name, kind and resource.
 */
export function parseFuncSig(c: WitCursor, base: Omit<WitFunction, 'params' | 'result'>): WitFunction {
  const isAsync = c.accept('async');
  c.expect('func');
  const params = parseParams(c);
  const result = c.accept('->') ? parseType(c) : undefined;
  return { ...base, params, result, ...(isAsync ? { async: true as const } : {}), end: c.pos() };
}

/**
 * Parses a type definition starting at its keyword (`resource`, `record`, `variant`, `enum`,
 * `flags`, `type`); resource functions are appended to `functions`.
 */
export function parseTypeDef(c: WitCursor, functions: WitFunction[]): WitTypeDef {
  const pos = c.pos();
  const keyword = c.next().text;
  const name = c.ident('a type name').text;
  if (keyword === 'type') {
    c.expect('=');
    parseType(c);
    c.expect(';');
    return { name, kind: 'alias', pos };
  }
  if (keyword === 'resource') {
    if (!c.accept(';')) parseResourceBody(c, name, functions);
    return { name, kind: 'resource', pos };
  }
  c.expect('{');
  while (!c.at('}')) {
    c.ident(keyword === 'record' ? 'a field name' : 'a case name');
    if (keyword === 'record') {
      c.expect(':');
      parseType(c);
    } else if (keyword === 'variant' && c.accept('(')) {
      parseType(c);
      c.expect(')');
    }
    if (!c.accept(',')) break;
  }
  c.expect('}');
  return { name, kind: keyword as WitTypeDef['kind'], pos };
}

function parseResourceBody(c: WitCursor, resource: string, functions: WitFunction[]): void {
  c.expect('{');
  while (!c.accept('}')) {
    c.skipAttributes();
    const pos = c.pos();
    if (c.accept('constructor')) {
      const params = parseParams(c);
      const result = c.accept('->') ? parseType(c) : undefined;
      functions.push({ name: 'constructor', kind: 'constructor', resource, jcoName: `[constructor]${resource}`, params, result, pos });
    } else {
      const name = c.ident('a resource function name').text;
      c.expect(':');
      const isStatic = c.accept('static');
      const kind = isStatic ? 'static' : 'method';
      const jcoName = `[${kind}]${resource}.${name}`;
      functions.push(parseFuncSig(c, { name, kind, resource, jcoName, pos }));
    }
    c.expect(';');
  }
}
