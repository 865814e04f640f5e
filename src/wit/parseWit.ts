import { WitCursor } from './witCursor';
import { parseFuncSig, parseTypeDef } from './parseWitTypes';
import { WitSyntaxFailure, type WitToken } from './tokenizeWit';
import {
  packageId, type WitInterface, type WitPackage, type WitParseResult, type WitPath, type WitUse, type WitWorld,
} from './witModel';

const TYPEDEF_KEYWORDS = ['resource', 'record', 'variant', 'enum', 'flags', 'type'];

/**
 * Parses the WIT subset the playground uses: a package declaration, interfaces, worlds,
 * `use`, `include`, imports/exports of paths, inline functions and inline interfaces,
 * resources and type definitions, plus nested `package a:b@v { ... }` blocks.
 * Never throws on bad input: syntax errors come back as `{ ok: false, error }` with 1-based positions.
 */
export function parseWit(src: string): WitParseResult {
  try {
    return { ok: true, doc: { packages: parseDocument(new WitCursor(src)) } };
  } catch (e) {
    if (e instanceof WitSyntaxFailure) return { ok: false, error: e.detail };
    throw e;
  }
}

function parseDocument(c: WitCursor): WitPackage[] {
  const root: WitPackage = { id: '', namespace: '', name: '', nested: false, interfaces: [], worlds: [], pos: c.pos() };
  const packages = [root];
  let sawItem = false;
  for (;;) {
    c.skipAttributes();
    if (c.peek().kind === 'eof') return packages;
    if (c.at('package')) {
      const pos = c.pos();
      const keyword = c.next();
      const { namespace, name, version } = parsePackageName(c);
      if (c.accept(';')) {
        if (sawItem || root.id) c.fail('the package declaration must come first and only once', keyword);
        Object.assign(root, { id: packageId(namespace, name, version), namespace, name, version, pos });
      } else {
        const open = c.expect('{');
        const pkg: WitPackage = {
          id: packageId(namespace, name, version), namespace, name, version, nested: true, interfaces: [], worlds: [], pos,
        };
        parseItems(c, pkg, open);
        packages.push(pkg);
      }
    } else if (!parseItem(c, root)) {
      c.fail(`expected 'package', 'interface', 'world' or 'use', found ${describeHere(c)}`);
    }
    sawItem = true;
  }
}

function parsePackageName(c: WitCursor): { namespace: string; name: string; version?: string } {
  const namespace = c.ident('a package namespace').text;
  c.expect(':');
  let name = c.ident('a package name').text;
  // Nested namespaces (`a:b:c`) are legal WIT; we fold them into the name.
  while (c.accept(':')) name += `:${c.ident('a package name').text}`;
  const version = c.accept('@') ? c.version() : undefined;
  return { namespace, name, version };
}

function parseItems(c: WitCursor, pkg: WitPackage, open: WitToken): void {
  for (;;) {
    c.skipAttributes();
    if (c.accept('}')) return;
    if (c.peek().kind === 'eof') c.fail(`'{' opened on line ${open.line} is never closed`, open);
    if (!parseItem(c, pkg)) c.fail(`expected 'interface', 'world' or '}', found ${describeHere(c)}`);
  }
}

/** One top-level item; returns false (consuming nothing) when the next token starts none. */
function parseItem(c: WitCursor, pkg: WitPackage): boolean {
  const pos = c.pos();
  if (c.accept('interface')) {
    pkg.interfaces.push(parseInterfaceBody(c, c.ident('an interface name').text, pos));
  } else if (c.accept('world')) {
    pkg.worlds.push(parseWorld(c, c.ident('a world name').text, pos));
  } else if (c.accept('use')) {
    parsePath(c);
    if (c.accept('as')) c.ident();
    c.expect(';');
  } else {
    return false;
  }
  return true;
}

/** `ns:pkg/name@version` or a bare local `name`. */
export function parsePath(c: WitCursor): WitPath {
  const pos = c.pos();
  const first = c.ident('an interface or package name').text;
  if (!c.accept(':')) return { kind: 'local', name: first, pos };
  const pkg = c.ident('a package name').text;
  c.expect('/');
  const name = c.ident('an interface or world name').text;
  const version = c.accept('@') ? c.version() : undefined;
  return { kind: 'foreign', namespace: first, package: pkg, name, version, pos };
}

function parseUse(c: WitCursor): WitUse {
  const pos = c.pos();
  c.expect('use');
  const path = parsePath(c);
  c.expect('.');
  c.expect('{');
  const names: WitUse['names'] = [];
  while (!c.at('}')) {
    const namePos = c.pos();
    const name = c.ident('a type name').text;
    names.push({ name, as: c.accept('as') ? c.ident().text : undefined, pos: namePos });
    if (!c.accept(',')) break;
  }
  c.expect('}');
  c.expect(';');
  return { path, names, pos };
}

/** `{ use ...; typedefs; name: func(...); }` — shared by named and inline interfaces. */
export function parseInterfaceBody(c: WitCursor, name: string, pos: WitInterface['pos']): WitInterface {
  const iface: WitInterface = { name, uses: [], types: [], functions: [], pos };
  const open = c.expect('{');
  for (;;) {
    c.skipAttributes();
    if (c.accept('}')) return iface;
    if (c.peek().kind === 'eof') c.fail(`'{' opened on line ${open.line} is never closed`, open);
    if (c.at('use')) iface.uses.push(parseUse(c));
    else if (TYPEDEF_KEYWORDS.some((k) => c.at(k))) iface.types.push(parseTypeDef(c, iface.functions));
    else {
      const fnPos = c.pos();
      const fname = c.ident('a function name, type definition or `use`').text;
      c.expect(':');
      iface.functions.push(parseFuncSig(c, { name: fname, kind: 'freestanding', jcoName: fname, pos: fnPos }));
      c.expect(';');
    }
  }
}

function parseWorld(c: WitCursor, name: string, pos: WitWorld['pos']): WitWorld {
  const world: WitWorld = { name, items: [], includes: [], uses: [], types: [], pos };
  const open = c.expect('{');
  for (;;) {
    c.skipAttributes();
    if (c.accept('}')) return world;
    if (c.peek().kind === 'eof') c.fail(`'{' opened on line ${open.line} is never closed`, open);
    const itemPos = c.pos();
    if (c.at('use')) world.uses.push(parseUse(c));
    else if (TYPEDEF_KEYWORDS.some((k) => c.at(k))) world.types.push(parseTypeDef(c, []));
    else if (c.accept('include')) {
      world.includes.push({ path: parsePath(c), pos: itemPos });
      if (c.accept('with')) skipBraces(c);
      c.expect(';');
    } else if (c.at('import') || c.at('export')) {
      const direction = c.next().text as 'import' | 'export';
      world.items.push(parseExtern(c, direction, itemPos));
    } else {
      c.fail(`expected 'import', 'export', 'include', 'use' or a type definition, found ${describeHere(c)}`);
    }
  }
}

function parseExtern(c: WitCursor, direction: 'import' | 'export', pos: WitWorld['pos']): WitWorld['items'][number] {
  const named = c.peek(1).text === ':' && ['func', 'async', 'interface'].includes(c.peek(2).text);
  if (!named) {
    const path = parsePath(c);
    c.expect(';');
    return { direction, kind: 'path', path, pos };
  }
  const name = c.ident('an import or export name').text;
  c.expect(':');
  if (c.at('interface')) {
    const ifacePos = c.pos();
    c.next();
    const iface = parseInterfaceBody(c, name, ifacePos);
    c.accept(';');
    return { direction, kind: 'interface', name, iface, pos };
  }
  const func = parseFuncSig(c, { name, kind: 'freestanding', jcoName: name, pos });
  c.expect(';');
  return { direction, kind: 'function', name, func, pos };
}

function skipBraces(c: WitCursor): void {
  const open = c.expect('{');
  while (!c.accept('}')) if (c.next().kind === 'eof') c.fail(`'{' opened on line ${open.line} is never closed`, open);
}

function describeHere(c: WitCursor): string {
  const t = c.peek();
  return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
}
