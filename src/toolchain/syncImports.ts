/**
 * Plain (non-suspending) imports for host functions that always answer synchronously.
 *
 * `WebAssembly.Suspending` suspends the guest and runs a microtask checkpoint on every call,
 * even when the host returns a plain value (bench/probeJspiSuspend.mjs, Chromium 150): ~9 µs
 * per call in a replay of 10,000 messages, nearly all of it the glue's promise work around the
 * call: the stack switch itself costs ~0.1 µs (bench/probeJspiCost.mjs, a bare wasm loop).
 * A host function that can never return a Promise
 * (a message constructor, a BroadcastChannel send) needs none of it. The light glue
 * (lightenJspiGlue.ts) therefore decides per import, at instantiate time, from the function
 * the import object hands it:
 * - marked with `Symbol.for(SYNC_IMPORT_MARK)` (set only by the run worker's tracing wrapper,
 *   wrapInterface.ts, for built-in host functions marked with hosts/answersSync.ts): the
 *   trampoline is a plain function and the core module imports it as is;
 * - anything else (sandboxed host code, linked guests, unmarked hosts): the Suspending path.
 * The glue looks the function up the way the trampoline calls it (`hostFnOf`): a free
 * function by name, `new X(…)` by its class, `X.f(…)` as a static, `rscN.m(…)` on the
 * prototype of the resource class the trampoline lifts `rscN` with.
 */

/** Key (for `Symbol.for`) of the mark the glue checks on a host function. */
export const SYNC_IMPORT_MARK = 'wcp.hostAnswersSync';

/** Injected with the light glue: the mark check and the import choice. */
export const ANSWERS_SYNC = `// wcp: plain imports for host functions that always answer synchronously (src/toolchain/syncImports.ts)
function _wcpAnswersSync(hostFnOf) {
  if (typeof hostFnOf !== 'function') return false;
  try {
    const fn = hostFnOf();
    return typeof fn === 'function' && fn[Symbol.for('${SYNC_IMPORT_MARK}')] === true;
  } catch {
    return false;
  }
}
function _wcpSuspendUnlessSync(componentIdx, lowered) {
  return lowered.wcpSync === true ? lowered : new WebAssembly.Suspending(_suspendingImport(componentIdx, lowered));
}

`;

const ID = '[A-Za-z_$][\\w$]*';

/**
 * The expression (in the scope where the trampoline is defined) for the host function
 * that `call` (the trampoline's host call, e.g. `rsc0.receive(arg1 >>> 0)`) invokes, or
 * undefined when the call has another shape (then the import stays Suspending).
 */
export function hostFnOf(call: string, body: string): string | undefined {
  let m = new RegExp(`^new (${ID})\\(`).exec(call);
  if (m) return unshadowed(m[1]!, body);
  m = new RegExp(`^(rsc\\d+)\\.(${ID})\\(`).exec(call);
  if (m) {
    const lifted = new RegExp(`\\n *${m[1]} = Object\\.create\\((${ID})\\.prototype\\);\\n`).exec(body);
    return lifted ? unshadowed(`${lifted[1]}.prototype.${m[2]}`, body) : undefined;
  }
  m = new RegExp(`^(${ID})\\.(${ID})\\(`).exec(call);
  if (m) return m[1]!.startsWith('rsc') || m[1] === 'this' ? undefined : unshadowed(`${m[1]}.${m[2]}`, body);
  m = new RegExp(`^(${ID})\\(`).exec(call);
  return m ? unshadowed(m[1]!, body) : undefined;
}

/** `expr` unless its first name is declared inside the trampoline (the lookup runs outside it). */
function unshadowed(expr: string, body: string): string | undefined {
  const name = /^[\w$]+/.exec(expr)![0];
  if (name === 'this' || name === 'arguments') return undefined;
  const declared = new RegExp(`\\b(?:var|let|const|function|class)\\s+${name.replace(/\$/g, '\\$')}\\b|[{,]\\s*${name.replace(/\$/g, '\\$')}\\s*[,}=]`);
  return declared.test(body) ? undefined : expr;
}
