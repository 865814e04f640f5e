import type { Diagnostic } from '../protocol/buildProtocol';
import { findMemoryUse, stripComments, type MemoryUse } from './findMemoryUse';
import { findWitFunction, moduleLine } from './locateExportMismatch';

// wit-component's words (componentNew) for a module lacking what the canonical ABI needs.
const NO_MEMORY = /module does not export a memory named `memory`/;
const NO_REALLOC = /module does not export a function named `cabi_realloc`/;

/** A place in the WAT, the marked text from `column` to `endColumn`. */
interface At {
  line: number;
  column: number;
  endColumn: number;
}

/** How the module holds (or lacks) its memory, for the fix to offer. */
type MemoryState = { kind: 'none' } | ({ kind: 'unexported'; fix: string } & At) | ({ kind: 'misnamed'; name: string } & At);

/**
 * Turns componentNew's "module does not export a memory named `memory`" (and the same for
 * `cabi_realloc`) into what a learner can act on: which function of the world puts a string
 * or list in memory, what the canonical ABI does with it, and the line to add, marked where
 * it belongs (the memory that is not exported, or the `(module` line). QA saw only the bare
 * sentence at line 1 for a WAT guest returning a string without `(memory (export "memory") 1)`.
 * Undefined for other errors.
 */
export function locateMissingMemory(message: string, watSource: string, userWit: string, world: { source: string; world: string }): Diagnostic[] | undefined {
  const need = NO_MEMORY.test(message) ? 'memory' : NO_REALLOC.test(message) ? 'realloc' : undefined;
  if (!need) return undefined;
  const use = findMemoryUse(world.source, world.world, watSource, need);
  const out: Diagnostic[] = [];
  if (need === 'realloc') {
    const at = moduleLine(watSource);
    out.push({ file: 'guest', ...at, message: `${capitalise(reallocWhy(use))}; this module exports none. ${REALLOC_FIX}` });
  } else {
    const state = findMemory(watSource);
    const why = memoryWhy(use);
    if (state.kind === 'none') out.push({ file: 'guest', ...moduleLine(watSource), message: `${capitalise(why)}; this module has no memory. Add \`(memory (export "memory") 1)\` (one 64 KiB page) inside (module …).` });
    else if (state.kind === 'unexported') out.push({ file: 'guest', line: state.line, column: state.column, endColumn: state.endColumn, message: `this memory is not exported, but ${why}. Export it: \`${state.fix}\`.` });
    else out.push({ file: 'guest', line: state.line, column: state.column, endColumn: state.endColumn, message: `the memory is exported as "${state.name}", but the canonical ABI looks for it by the exact name "memory": ${why}. Rename it: (export "memory").` });
  }
  const witAt = use && declaredByUser(use, userWit) ? findWitFunction(userWit, use.name.slice(use.name.lastIndexOf('.') + 1)) : undefined;
  if (use && witAt) {
    const what = need === 'memory' ? 'the module does not export its memory as "memory"' : 'the module exports no `cabi_realloc` to allocate it';
    out.push({ file: 'wit', ...witAt, companion: true, message: `${partText(use)} crosses through the guest's linear memory, and ${what} (guest line ${out[0]!.line}).` });
  }
  return out;
}

const REALLOC_FIX =
  'Add an allocator: `(func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32) …)` returning the address of $size free bytes aligned to $align, e.g. a bump pointer kept in a global, as the Counter example\'s guest does.';

/**
 * Whether the function is declared in the user's own WIT (world-level, or in an interface it
 * writes), where a marker can sit: a shipped package's `get` is not the user's `get`.
 */
function declaredByUser(use: MemoryUse, userWit: string): boolean {
  if (use.interfaceId === undefined) return true;
  const name = use.interfaceId.replace(/@.*$/, '').replace(/^.*\//, '');
  return new RegExp(`(^|\\s)interface\\s+${name.replace(/[^\w-]/g, '')}\\s*\\{`, 'm').test(userWit);
}

/** Why the module needs its memory exported, in the canonical ABI's terms. */
function memoryWhy(use: MemoryUse | undefined): string {
  const reach = 'which the host reaches through the module\'s export named "memory"';
  if (!use) return `this world's functions need the guest's linear memory (by the canonical ABI strings, lists and results of more than one value cross as pointers into it), ${reach}`;
  return `${signature(use)}: by the canonical ABI ${noun(use)} crosses as a pointer and a length into the guest's linear memory, ${reach}`;
}

/** Why the module needs `cabi_realloc`: the host copies something into the guest's memory. */
function reallocWhy(use: MemoryUse | undefined): string {
  const where = "into the guest's linear memory, at an address the module's `cabi_realloc` export allocates";
  if (!use) return `by the canonical ABI the host copies strings and lists (an export's arguments, an import's results) ${where}`;
  return `${signature(use)}: by the canonical ABI the host copies ${noun(use)} ${use.part.kind === 'param' ? 'argument' : 'result'} ${where}`;
}

/** "`run` returns a `string`", "`greet` takes `name: string`". */
function signature(use: MemoryUse): string {
  const { part } = use;
  if (part.kind === 'param') return `\`${use.name}\` takes \`${part.name}: ${part.type}\``;
  return `\`${use.name}\` returns ${/^(?:string$|list<)/.test(part.type) ? 'a ' : ''}\`${part.type}\``;
}

/** "a string" or "a list": what of the type goes to memory. */
function noun(use: MemoryUse): string {
  return /\bstring\b/.test(use.part.type) ? 'a string' : 'a list';
}

/** For the WIT marker: "its result `string`", "its parameter `name: string`". */
function partText(use: MemoryUse): string {
  return use.part.kind === 'param' ? `its parameter \`${use.part.name}: ${use.part.type}\`` : `its result \`${use.part.type}\``;
}

/**
 * The module's memory: exported under another name (looked for first: `(memory 1)` may be
 * exported by a separate `(export "mem" (memory 0))`), defined without an export, or none.
 */
function findMemory(wat: string): MemoryState {
  const lines = stripComments(wat).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const named = /\(\s*export\s+("([^"]*)")\s+\(\s*memory\b/.exec(l) ?? /\(\s*memory\b[^()]*\(\s*export\s+("([^"]*)")/.exec(l);
    if (!named) continue;
    const column = named.index + named[0].indexOf(named[1]!) + 1;
    return { kind: 'misnamed', name: named[2]!, line: i + 1, column, endColumn: column + named[1]!.length };
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = /\(\s*memory\b/.exec(l);
    if (!m) continue;
    const at = { line: i + 1, column: m.index + 1, endColumn: m.index + m[0].length + 1 };
    const clause = /\(\s*memory(\s+\$[^\s()]+)?([^()]*)\)/.exec(l.slice(m.index));
    return { kind: 'unexported', ...at, fix: clause ? `(memory${clause[1] ?? ''} (export "memory")${clause[2]!.replace(/\s+$/, '')})` : '(memory (export "memory") 1)' };
  }
  return { kind: 'none' };
}

function capitalise(s: string): string {
  return s.startsWith('`') ? s : s[0]!.toUpperCase() + s.slice(1);
}
