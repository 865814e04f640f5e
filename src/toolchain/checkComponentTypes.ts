import { componentEmbed, componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { generate } from '@bytecodealliance/jco-transpile/component';
import { toKebab } from '../runtime/witNames';
import { isBaseInterface } from './analyzeComponentWorld';

/** One imported (or exported) item whose type differs between a component and the host's WIT. */
export interface TypeMismatch {
  /** Interface id, e.g. "wasi:keyvalue/store@0.2.0-draft2". */
  iface: string;
  /** WIT name: "bucket.get", "open", or "type error". */
  item: string;
  /** The declaration as the component sees it (TypeScript notation, as jco renders both sides). */
  component: string;
  /** The host's declaration, or undefined when the host has no such item. */
  host?: string;
}

/**
 * Compares the types of every function (and named type) a component uses in each interface
 * against the host's WIT for the same interface. Both sides are rendered by the same
 * generator (jco's TypeScript declarations: the component's own, and those of a dummy
 * component built from the shipped WIT), so equal text means equal types and a difference
 * names the function and both signatures. Base WASI interfaces are left out: their hosts
 * accept every 0.2.x.
 */
export async function checkComponentTypes(componentDts: ReadonlyArray<readonly [string, Uint8Array]>, hostWit: string, hostWorld: string): Promise<TypeMismatch[]> {
  const core = await componentEmbed({ dummy: true, witSource: hostWit, world: hostWorld });
  const host = generate(await componentNew(core), { name: 'host', noTypescript: false, instantiation: { tag: 'async' } });
  const hostDecls = declarationsByInterface(host.files);
  const out: TypeMismatch[] = [];
  for (const [iface, decls] of declarationsByInterface(componentDts)) {
    const theirs = hostDecls.get(iface);
    if (!theirs || isBaseInterface(iface)) continue;
    for (const [key, decl] of decls) {
      const hostDecl = theirs.get(key);
      if (hostDecl !== decl) out.push({ iface, item: witItemName(key), component: decl, host: hostDecl });
    }
  }
  return out;
}

/** A readable line for the user: which interface and function, and how they differ. */
export function describeMismatch(m: TypeMismatch): string {
  const where = `${m.iface}: ${m.item.startsWith('type ') ? m.item : `function ${m.item}`}`;
  return m.host === undefined
    ? `${where} — the component imports it, but the host's WIT has no such item (component: \`${m.component}\`)`
    : `${where} differs — the component expects \`${m.component}\`, the host provides \`${m.host}\``;
}

/** jco's per-interface .d.ts files → interface id → (item key → declaration text). */
export function declarationsByInterface(files: ReadonlyArray<readonly [string, Uint8Array]>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const decoder = new TextDecoder();
  for (const [name, bytes] of files) {
    if (!name.startsWith('interfaces/') || !name.endsWith('.d.ts')) continue;
    const text = decoder.decode(bytes);
    const id = /@module Interface (\S+)/.exec(text)?.[1];
    if (id) out.set(id, readDeclarations(text));
  }
  return out;
}

function readDeclarations(text: string): Map<string, string> {
  const decls = new Map<string, string>();
  // JSPI makes the component's side async (Promise<T>); the WIT type is T either way.
  const sync = (member: string) => member.replace(/\): Promise<(.*)>;$/, '): $1;');
  const lines = text.replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let m: RegExpExecArray | null;
    if ((m = /^export function (\w+)/.exec(line))) decls.set(m[1]!, sync(line.replace(/^export /, '')));
    else if ((m = /^export type (\w+)/.exec(line))) decls.set(`type ${m[1]}`, line.replace(/^export /, ''));
    else if ((m = /^export (interface|class) (\w+)/.exec(line))) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== '}'; i++) {
        const member = lines[i]!.trim();
        if (!member || member === 'private constructor();') continue;
        if (m[1] === 'interface') body.push(member);
        else {
          const name = /^(?:static )?(\w+)\(/.exec(member)?.[1];
          if (name) decls.set(`${m[2]}.${name}`, sync(member));
        }
      }
      if (m[1] === 'interface') decls.set(`type ${m[2]}`, `interface ${m[2]} { ${body.join(' ')} }`);
    }
  }
  return decls;
}

/** `Bucket.listKeys` → `bucket.list-keys`; `type KeyResponse` → `type key-response`. */
function witItemName(key: string): string {
  if (key.startsWith('type ')) return `type ${toKebab(key.slice(5))}`;
  return key.split('.').map(toKebab).join('.');
}
