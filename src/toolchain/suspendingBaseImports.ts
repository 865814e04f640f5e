/**
 * Functions of the WASI base (src/runtime/createWasiBase.ts, src/hosts/io) that may answer
 * with a Promise and so must be JSPI-suspending imports: blocking on a pollable (a
 * `wasi:clocks` sleep is a timer), polling, and stream operations (a blob's stream reads
 * from IndexedDB). Keyed by interface without version; names as jco's JSPI lists spell them.
 */
const SUSPENDING: Readonly<Record<string, readonly string[]>> = {
  'wasi:io/poll': ['[method]pollable.block', 'poll'],
  'wasi:io/streams': [
    '[method]input-stream.read',
    '[method]input-stream.blocking-read',
    '[method]input-stream.skip',
    '[method]input-stream.blocking-skip',
    '[method]output-stream.write',
    '[method]output-stream.blocking-write-and-flush',
    '[method]output-stream.flush',
    '[method]output-stream.blocking-flush',
    '[method]output-stream.write-zeroes',
    '[method]output-stream.blocking-write-zeroes-and-flush',
    '[method]output-stream.splice',
    '[method]output-stream.blocking-splice',
  ],
};

/**
 * JSPI import names (`wasi:io/poll@0.2.0#[method]pollable.block`) for the base interfaces a
 * component imports, at the component's own versions. An opened component's base imports and
 * a JS guest's (its adapter's) are not part of the world the playground resolves, so without
 * these a host Promise would reach the guest as a plain return: a Rust `thread::sleep`
 * (subscribe-duration, then block) or a JS `setTimeout` would not wait at all.
 */
export function suspendingBaseImports(baseImports: readonly string[]): string[] {
  return baseImports.flatMap((id) => {
    const at = id.indexOf('@');
    const key = at < 0 ? id : id.slice(0, at);
    return (SUSPENDING[key] ?? []).map((fn) => `${id}#${fn}`);
  });
}
