/**
 * The shape `parseWit` produces: just enough of WIT to name every function a world imports
 * or exports, find packages a source refers to, and point at the line of a problem.
 */

/** 1-based position in the parsed text. */
export interface WitPos {
  line: number;
  column: number;
}

/** A syntax error from the parser; positions are 1-based. */
export interface WitSyntaxError extends WitPos {
  /** Column just past the offending token (exclusive), for editor squiggles. */
  endColumn: number;
  message: string;
}

/** A reference to an interface or world: `store`, or `wasi:keyvalue/store@0.2.0-draft2`. */
export type WitPath =
  | { kind: 'local'; name: string; pos: WitPos }
  | { kind: 'foreign'; namespace: string; package: string; name: string; version?: string; pos: WitPos };

/** A parameter or record field as written, with its type rendered back to WIT text. */
export interface WitParam {
  name: string;
  type: string;
}

/** Parameters as WIT writes them: `key: string, value: list<u8>`. */
export function witParamList(params: readonly WitParam[]): string {
  return params.map((p) => `${p.name}: ${p.type}`).join(', ');
}

/**
 * A function. `jcoName` is the canonical-ABI name jco uses in JSPI lists:
 * `get`, `[method]bucket.get`, `[static]cas.new`, `[constructor]message`.
 */
export interface WitFunction {
  name: string;
  kind: 'freestanding' | 'method' | 'static' | 'constructor';
  resource?: string;
  jcoName: string;
  params: WitParam[];
  /** Rendered result type; undefined when the function returns nothing. */
  result?: string;
  /** `async func` (WASI 0.3): lowered and lifted with the async ABI. */
  async?: true;
  pos: WitPos;
  /** Where the declaration's `;` is (where a sibling declaration may follow). */
  end?: WitPos;
}

/** A named type definition (only its name and kind matter to us). */
export interface WitTypeDef {
  name: string;
  kind: 'resource' | 'record' | 'variant' | 'enum' | 'flags' | 'alias';
  pos: WitPos;
}

/** `use path.{a, b as c};` */
export interface WitUse {
  path: WitPath;
  names: { name: string; as?: string; pos: WitPos }[];
  pos: WitPos;
}

/** An interface body (named, or inline inside a world). */
export interface WitInterface {
  name: string;
  uses: WitUse[];
  types: WitTypeDef[];
  /** Freestanding functions and resource functions, in source order. */
  functions: WitFunction[];
  pos: WitPos;
}

/** One `import`/`export` line of a world. */
export type WitWorldItem =
  | { direction: 'import' | 'export'; kind: 'path'; path: WitPath; pos: WitPos }
  | { direction: 'import' | 'export'; kind: 'function'; name: string; func: WitFunction; pos: WitPos }
  | { direction: 'import' | 'export'; kind: 'interface'; name: string; iface: WitInterface; pos: WitPos };

/** A world as written; `resolveWorld` flattens includes and implied imports. */
export interface WitWorld {
  name: string;
  items: WitWorldItem[];
  includes: { path: WitPath; pos: WitPos }[];
  uses: WitUse[];
  types: WitTypeDef[];
  pos: WitPos;
}

/** A package: the file's own (`package a:b;`) or a nested `package a:b@1.0 { ... }` block. */
export interface WitPackage {
  /** `ns:name@version`, `ns:name` without a version, or '' when the file declares none. */
  id: string;
  namespace: string;
  name: string;
  version?: string;
  nested: boolean;
  interfaces: WitInterface[];
  worlds: WitWorld[];
  pos: WitPos;
}

/** The whole parsed text. The first package is the file's own. */
export interface WitDocument {
  packages: WitPackage[];
}

/** `parseWit` never throws on bad input; it returns one of these. */
export type WitParseResult = { ok: true; doc: WitDocument } | { ok: false; error: WitSyntaxError };

/** Where a parsed position (1-based line and column) of `source` is, as an offset into it. */
export function offsetsIn(source: string): (p: WitPos) => number {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  return (p) => lineStarts[p.line - 1]! + p.column - 1;
}

/** `ns:pkg/name@version` (or `ns:pkg/name`): an interface as worlds, imports and JSPI lists name it. */
export function interfaceId(pkg: Pick<WitPackage, 'namespace' | 'name' | 'version'>, iface: Pick<WitInterface, 'name'>): string {
  return `${pkg.namespace}:${pkg.name}/${iface.name}${pkg.version ? `@${pkg.version}` : ''}`;
}

/** `ns:name@version` (or `ns:name`) for a package triple. */
export function packageId(namespace: string, name: string, version?: string): string {
  return `${namespace}:${name}${version ? `@${version}` : ''}`;
}
