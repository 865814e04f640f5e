import type { BuildArtifact, Diagnostic, ExportedFunction, JsImportName } from '../protocol/buildProtocol';
import type { GuestMemory } from '../protocol/runProtocol';
import { createPositionMapper } from '../toolchain/js/mapGeneratedPosition';
import { megabytes, memoryLimit } from './describeMemory';
import { describeThrownValue } from './describeThrownValue';
import { explainJsResult } from './explainExportResult';
import { hintWitCall, hintWitName } from './hintWitName';

/**
 * What went wrong when a JavaScript guest trapped. StarlingMonkey reports an uncaught exception
 * on stderr ("message", "Stack:", "  fn@source.js:12:26") and then aborts, which surfaces as
 * "Redirecting call to abort() to mozalloc_abort" plus a wasm `unreachable` trap: the useful
 * part is the exception, not the trap. A thrown non-Error prints its value alone (no
 * "Stack:") before the abort; so does the engine failing to allocate, with the value "out of
 * memory". An abort with nothing before it is the engine failing too; an `unreachable` with
 * neither, in a guest that calls fetch(), is the stubbed wasi:http import (this playground
 * gives guests no network).
 */
export interface JsTrapExplanation {
  message: string;
  /** The guest ran out of memory (the run status says so instead of "trapped"). */
  outOfMemory?: boolean;
  /** Position in the guest's source.js, when the stack names one. */
  line?: number;
  column?: number;
  /** The exception was a WIT name or argument used wrongly (hintWitName.ts): a type check finds those as they are typed. */
  witMistake?: boolean;
}

/** Said after a WIT mistake in a JavaScript guest that has not asked for the editor's checks. */
export const TS_CHECK_TIP = "Start the file with // @ts-check and the editor underlines such calls as you type (it knows the WIT's types).";

/** The engine's own abort notice: noise once the reason is known. */
export const ABORT_NOTICE = /^Redirecting call to abort\(\) to mozalloc_abort$/;
const FRAME = /(?:source\.js|guest\.ts):(\d+):(\d+)/;
/** The engine's bindings converting an export's result ("  export_run@/initializer.js:1018:10"). */
const EXPORT_FRAME = /^\s*export_(\w+)@\/initializer\.js:/;
const OUT_OF_MEMORY = /out of memory|allocation (?:size )?overflow|Maximum memory size exceeded|could not allocate/i;
const OOM_TEXT = 'out of memory: the JavaScript guest asked the engine for more memory than it has (look for data that keeps growing, e.g. in a loop)';
/** A string or array longer than the engine allows: one allocation too big, no memory full. */
const SIZE_OVERFLOW = /allocation (?:size )?overflow/i;
/** A failed allocation can be big (an array doubling its storage): memory past this share of its maximum counts as full. */
const NEARLY_FULL = 0.75;

/**
 * Which limit an out-of-memory exception met, from the guest's memory when it trapped: the
 * memory's maximum, or, with the memory still far below it, the engine's own heap limit
 * (StarlingMonkey caps SpiderMonkey's heap; measured: it is full at 77–103 MB of memory).
 */
function outOfMemoryText(exception: string, memory: GuestMemory | undefined): string {
  if (!memory || SIZE_OVERFLOW.test(exception)) return OOM_TEXT;
  const look = 'Look for data that keeps growing, e.g. in a loop';
  if (memory.bytes >= memory.maxBytes * NEARLY_FULL) return `out of memory: the JavaScript guest's memory reached ${megabytes(memory.bytes)} of ${memoryLimit(memory)}. ${look}`;
  return `out of memory: the JavaScript engine's heap reached its limit (the engine's own, far below the ${megabytes(memory.maxBytes)} a guest's memory can have: this one's was at ${megabytes(memory.bytes)}). ${look}`;
}

/** Maps a stack position in the JS the engine ran to the user's source (TypeScript guests). */
export type ToSource = (line: number, column: number) => { line: number; column: number };

/**
 * Explains a trap from the guest's stderr during the run and its source; undefined = nothing
 * better to say. `toSource` maps stack positions of a TypeScript guest (they count in the
 * stripped JS) back to the .ts file; JavaScript guests run their own file unchanged.
 * `memory`: the guest's memory at the trap, to say which limit an out-of-memory met;
 * `exports`: the world's exports, to name the WIT result type a returned value did not fit;
 * `jsImports`: what the world's interfaces offer, to say where a wrongly called WIT name lives.
 */
export function explainJsTrap(stderr: readonly string[], trapMessage: string, source: string, toSource?: ToSource, memory?: GuestMemory, exports: readonly ExportedFunction[] = [], jsImports: readonly JsImportName[] = []): JsTrapExplanation | undefined {
  const stack = stderr.findIndex((l) => l.trim() === 'Stack:');
  if (stack >= 0) {
    // The exception text is the non-empty lines right before "Stack:".
    let start = stack;
    while (start > 0 && stderr[start - 1]!.trim() !== '' && !ABORT_NOTICE.test(stderr[start - 1]!)) start--;
    const text = stderr.slice(start, stack).join('\n').trim() || 'uncaught exception';
    const frames = stderr.slice(stack + 1);
    // The guest's own innermost frame; the one above it is the binding it called.
    const own = frames.findIndex((l) => FRAME.test(l));
    const frame = own >= 0 ? FRAME.exec(frames[own]!) : undefined;
    // No frame of the guest's own, an export's conversion: the guest returned, and its value did not fit.
    const exported = frame ? undefined : frames.map((l) => EXPORT_FRAME.exec(l)).find(Boolean);
    if (exported) {
      const fn = exportNamed(exports, exported[1]!);
      return { message: explainJsResult(fn?.name ?? exported[1]!, fn?.result, text) };
    }
    const where = frame ? (toSource ?? ((line, column) => ({ line, column })))(Number(frame[1]), Number(frame[2])) : undefined;
    const at = where ? ` (at line ${where.line}:${where.column})` : '';
    // The engine turns a failed allocation into an exception: say what it means.
    if (OUT_OF_MEMORY.test(text)) return { message: `${outOfMemoryText(text, memory)}${at}`, outOfMemory: true, ...where };
    // The binding converts the guest's arguments to WIT values: an exception there is about them.
    const hint = hintWitName(text, jsImports) ?? hintWitCall(text, own > 0 ? frames[own - 1] : undefined, jsImports);
    return { message: `uncaught ${/^\w*Error\b/.test(text) ? text : `exception: ${text}`}${at}${hint ? `. ${hint}` : ''}`, ...where, ...(hint ? { witMistake: true } : {}) };
  }
  // An uncaught non-Error prints its value, and aborts; the engine's own failure to allocate
  // prints "out of memory" the same way. Only that, or an abort with nothing before it, is memory.
  const printed = printedThrownValue(stderr);
  if (printed !== undefined && !OUT_OF_MEMORY.test(printed)) return { message: describeThrownValue(printed) };
  const said = `${stderr.join('\n')}\n${trapMessage}`;
  if (OUT_OF_MEMORY.test(said) || stderr.some((l) => ABORT_NOTICE.test(l))) {
    return { message: outOfMemoryText(said, memory), outOfMemory: true };
  }
  if (/unreachable/i.test(trapMessage)) {
    const call = /\bfetch\s*\(/.exec(source);
    if (call) {
      const before = source.slice(0, call.index).split('\n');
      return { message: 'fetch is not available to guests: this playground gives them no network (wasi:http); talk to other guests with wasi:messaging instead', line: before.length, column: before[before.length - 1]!.length + 1 };
    }
  }
  return undefined;
}

/**
 * The value an uncaught non-Error throw printed: the last non-empty stderr line before the
 * engine's abort notice (Check's record drops empty lines, Run's keeps them). Undefined when
 * there is no abort or nothing before it.
 */
function printedThrownValue(stderr: readonly string[]): string | undefined {
  const abort = stderr.findIndex((l) => ABORT_NOTICE.test(l));
  for (let i = abort - 1; i >= 0; i--) if (stderr[i]!.trim() !== '') return stderr[i]!.trim();
  return undefined;
}

/** The world export the bindings' `export_<name>` frame converts (`export_do_thing`, `export_doThing` for `do-thing`). */
function exportNamed(exports: readonly ExportedFunction[], framed: string): ExportedFunction | undefined {
  const plain = (s: string) => s.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return exports.find((e) => e.iface === '' && plain(e.name) === plain(framed));
}

/**
 * A guest's trap as Run and Check both tell it: a JavaScript or TypeScript guest's exception
 * (or running out of memory, or calling fetch) instead of the wasm trap it ends in, with a
 * marker for the guest editor when the stack names a line of the user's source. Undefined
 * for other guests, time-limit stops ("Stopped: …") and traps with nothing better to say.
 * Check once kept the raw "wasm unreachable instruction executed" that Run explained.
 */
export function explainGuestTrap(guest: { lang: string; source: string }, artifact: Pick<BuildArtifact, 'sourceMap'> & Partial<Pick<BuildArtifact, 'exports' | 'jsImports'>>, stderr: readonly string[], trapMessage: string, memory?: GuestMemory): (JsTrapExplanation & { marker?: Diagnostic }) | undefined {
  if ((guest.lang !== 'js' && guest.lang !== 'ts') || /^Stopped:/.test(trapMessage)) return undefined;
  // Stack lines count in the JavaScript the engine ran: the JS guest's own file, or a TS guest's stripped JS (mapped back).
  const toSource = guest.lang === 'ts' && artifact.sourceMap ? createPositionMapper(artifact.sourceMap) : undefined;
  const explained = explainJsTrap(stderr, trapMessage, guest.source, toSource, memory, artifact.exports, artifact.jsImports);
  if (!explained) return undefined;
  // A TypeScript guest is checked as it is typed already; JavaScript only where it asks.
  const tip = explained.witMistake && guest.lang === 'js' && !/^\s*\/\/\s*@ts-check\b/m.test(guest.source);
  const why = tip ? { ...explained, message: `${explained.message} ${TS_CHECK_TIP}` } : explained;
  // Without its source map a TS guest's position counts in code nobody sees: no marker then.
  const marked = why.line !== undefined && (guest.lang === 'js' || toSource !== undefined);
  return marked ? { ...why, marker: { file: 'guest', line: why.line!, column: why.column ?? 1, message: why.message } } : why;
}
