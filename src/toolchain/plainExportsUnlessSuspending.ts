/**
 * Export calls without JSPI for components none of whose imports can suspend.
 *
 * jco wraps every core export it calls in `WebAssembly.promising`, so the guest may suspend
 * in a `WebAssembly.Suspending` import. Each such call switches to a fresh stack and settles
 * a promise: in Chromium 150 a promising call of a one-instruction export cost 1.8–9 µs
 * (median ~4.3) against 0.1–1.9 µs (~0.7) for awaiting the plain export (9 alternating
 * rounds of 20,000 calls, load ~10). A message handler pays it once per delivery. But a
 * component whose imports were all made plain at instantiation (syncImports.ts: host
 * functions that always answer synchronously, such as the messaging types' methods, and
 * resource drops, which are never Suspending) has nothing to suspend in: the promising
 * wrapper only adds that cost.
 *
 * So every `new WebAssembly.Suspending(…)` of the glue counts itself, and every
 * `WebAssembly.promising(f)` becomes a function that, while this glue made no Suspending
 * import, calls `f` directly and returns its result as a resolved Promise (a throw, such as
 * a trap, as a rejected one): the same contract as the promising function, whose callers
 * all await it. The count is read per call, so a Suspending import made after an export was
 * wrapped still gets the JSPI path. Glue of the component-model async ABI (WASI 0.3) and
 * glue that names `WebAssembly.Suspending` in any other way are left unchanged.
 */
export const PLAIN_EXPORTS = `// wcp: exports called without JSPI while no import can suspend (src/toolchain/plainExportsUnlessSuspending.ts)
let _wcpSuspendingImports = 0;
function _wcpSuspending(fn) {
  _wcpSuspendingImports += 1;
  return new WebAssembly.Suspending(fn);
}
function _wcpPromising(fn) {
  const promising = WebAssembly.promising(fn);
  return function () {
    if (_wcpSuspendingImports !== 0) return promising.apply(this, arguments);
    try {
      return Promise.resolve(fn.apply(this, arguments));
    } catch (e) {
      return Promise.reject(e);
    }
  };
}

`;

/** The glue with the rewrite above, or undefined when it does not apply (see the module comment). */
export function plainExportsUnlessSuspending(js: string): string | undefined {
  if (/\bisAsync: true\b|\bfuncTypeIsAsync: true\b/.test(js) || js.includes('_wcpPromising(')) return undefined;
  // Every mention outside comments must be a creation (counted); anything else (a type test, a
  // creation through another name) could make a Suspending import the count misses.
  const code = js.split('\n').filter((line) => !line.trimStart().startsWith('//')).join('\n');
  if (code.split('WebAssembly.Suspending').length !== code.split('new WebAssembly.Suspending(').length) return undefined;
  if (!js.includes('WebAssembly.promising(')) return undefined;
  if (js.split('WebAssembly.promising').length !== js.split('WebAssembly.promising(').length) return undefined;
  // Declared at the module's top, before anything of jco's (a module has no hoisting issue
  // for functions, but `let` must be initialised before the first instantiation runs).
  const body = js.replaceAll('new WebAssembly.Suspending(', '_wcpSuspending(').replaceAll('WebAssembly.promising(', '_wcpPromising(');
  const firstLine = /^(?:\s*(?:"use [a-z]+"|'use [a-z]+');?\n)?/.exec(body)![0];
  return firstLine + PLAIN_EXPORTS + body.slice(firstLine.length);
}
