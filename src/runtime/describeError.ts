import { WASM_FRAME } from './explainExportResult';

/**
 * Readable text for anything a guest run can throw: jco's ComponentError (an `err` result
 * of an export, with `payload`), WebAssembly traps (RuntimeError: unreachable, out of
 * bounds), link errors and plain JS errors from guest-side JS. V8 reports a wasm guest's
 * stack overflow as a plain RangeError (not a RuntimeError) from within its wasm frames.
 */
export function describeError(e: unknown): { message: string; stack?: string } {
  if (e && typeof e === 'object' && 'payload' in e) {
    return { message: `export returned an error: ${JSON.stringify(safe((e as { payload: unknown }).payload))}` };
  }
  if (e instanceof RangeError && /^Maximum call stack size exceeded$/.test(e.message) && startsInWasm(e.stack)) {
    return { message: 'stack overflow: the guest called itself (or nested calls) too deeply: endless recursion?', stack: e.stack };
  }
  if (e instanceof WebAssembly.RuntimeError) return { message: `guest trapped: ${e.message}`, stack: e.stack };
  if (e instanceof WebAssembly.LinkError) return { message: `link error: ${e.message}`, stack: e.stack };
  if (e instanceof WebAssembly.CompileError) return { message: `invalid core module: ${e.message}`, stack: e.stack };
  // A backend out of reach is the network's doing: no stack (it named only our own code).
  if (e instanceof Error && e.name === 'BackendUnavailableError') return { message: e.message };
  if (e instanceof Error) return { message: `${e.name}: ${e.message}`, stack: e.stack };
  return { message: String(e) };
}

/** Whether the innermost frame is wasm code (the guest's), not the bindings' or a host's JavaScript. */
function startsInWasm(stack: string | undefined): boolean {
  const first = (stack ?? '').split('\n').find((l) => /^\s*at /.test(l));
  return first !== undefined && WASM_FRAME.test(first);
}

function safe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
}
