/**
 * An export's result that the bindings could not turn into its WIT type. The guest returned,
 * but what it returned does not fit: QA saw the raw "RangeError: Invalid typed array length:
 * 10" (a WAT lesson's string pointer past memory) and "invalid BigInt syntax" with the
 * engine's internal stack (a JavaScript `run` returning 'seven' for an `s64`). Messages start
 * "`name` returned", which Check's verdict reads as a result that did not fit (judgeRun.ts).
 */

/** The JavaScript value a WIT result type is, for the hint after the message. */
function jsTypeOf(witType: string): string | undefined {
  if (/^[su]64$/.test(witType)) return 'a BigInt in JavaScript (e.g. `return 7n`)';
  if (/^(?:[su](?:8|16|32)|f32|f64)$/.test(witType)) return 'a number in JavaScript';
  if (witType === 'string') return 'a string in JavaScript';
  if (witType === 'bool') return 'a boolean in JavaScript';
  if (witType === 'list<u8>') return 'a Uint8Array in JavaScript';
  return undefined;
}

/**
 * What the guest returned, read from the conversion's error as SpiderMonkey words it (the
 * bindings' `toInt64` is `BigInt(value)`; `toString` refuses symbols). Captured in Chromium
 * from `return 'seven'`, `return;` and `return 1.5` for an `s64`.
 */
function returnedFrom(error: string): string | undefined {
  if (/^invalid BigInt syntax$/.test(error)) return 'a string (or object) that does not spell a whole number';
  const cannot = /^can't convert (\S+) to BigInt$/.exec(error);
  if (cannot) return cannot[1] === 'undefined' ? 'nothing (undefined: is a `return` missing?)' : cannot[1] === 'symbol' ? 'a symbol' : cannot[1];
  const fraction = /^(.+) can't be converted to BigInt because it isn't an integer$/.exec(error);
  if (fraction) return `${fraction[1]}, not a whole number`;
  if (/^symbols cannot be converted to strings$/.test(error)) return 'a symbol';
  return undefined;
}

/**
 * A JavaScript guest's export whose return value the engine's bindings refused: the exception
 * (`error`, without its stack) came from converting it, after `name` had returned. `result`:
 * the export's WIT result type, when known.
 */
export function explainJsResult(name: string, result: string | undefined, error: string): string {
  const type = result ? ` its WIT result type \`${result}\`` : ' its WIT result type';
  const returned = returnedFrom(error);
  const js = result && jsTypeOf(result);
  const what = returned ? `: it returned ${returned} (the engine: ${error})` : ` (the engine: ${error})`;
  return `\`${name}\` returned a value${type} cannot take${what}${js ? `. \`${result}\` is ${js}` : ''}`;
}

/** V8's words when a typed array over the memory would pass its end (the bindings read a string or list there). */
const OUTSIDE = /^(?:Invalid typed array length: (\d+)|Start offset (\d+) is outside the bounds of the buffer)$/;
/** A stack frame in WebAssembly code: the guest was running, not only the bindings. */
export const WASM_FRAME = /^\s*at .*(?:wasm:\/\/wasm\/|wasm-function\[)/m;

/**
 * A WAT (or other core) guest whose export returned a string or list that lies outside its
 * memory: the bindings build a byte view at the pointer and length it wrote to its return
 * area, and V8 refuses one past the end. The pointer is not in the error (only the length),
 * so the message names the length, the memory's size and the canonical ABI's layout.
 * Undefined for other errors, and when the guest's own code was on the stack (then it was an
 * import's argument, not the result).
 */
export function explainResultOutsideMemory(e: unknown, name: string, result: string | undefined, memoryBytes: number | undefined): string | undefined {
  if (!(e instanceof RangeError)) return undefined;
  const m = OUTSIDE.exec(e.message);
  if (!m || WASM_FRAME.test(e.stack ?? '')) return undefined;
  const pages = memoryBytes === undefined ? '' : ` of ${memoryBytes} bytes (${memoryBytes / 65_536} page${memoryBytes === 65_536 ? '' : 's'} of 64 KiB)`;
  const string = result === 'string';
  const what = string ? 'a string' : `a result (WIT \`${result ?? '?'}\`)`;
  const span = m[1] !== undefined ? `${string ? `whose ${m[1]} bytes do` : `of length ${m[1]} that does`} not fit in its memory${pages}` : `starting at byte ${m[2]}, past the end of its memory${pages}`;
  const layout = string ? "the string's pointer (bytes 0–3) and its length (bytes 4–7)" : 'its pointers and lengths';
  return `\`${name}\` returned ${what} ${span}. By the canonical ABI the return area holds ${layout}: the bytes from the pointer to pointer + length must lie within the memory`;
}
