import { ANSWERS_SYNC, hostFnOf } from './syncImports';

/**
 * The second half of the light JSPI import path (lightenJspiGlue.ts): a host function that
 * answers at once no longer suspends the guest.
 *
 * jco makes every JSPI import trampoline an `async function` and `_suspendingImport` wraps
 * the call in an async arrow, so each call returns a Promise and `WebAssembly.Suspending`
 * suspends the guest's stack, queues microtasks and resumes it, even when the host returned
 * a plain value (a message constructor, a BroadcastChannel send, a clock read). A guest
 * flooding messages paid two suspensions per send. JSPI suspends only when the import
 * returns a Promise, so here:
 * - a light trampoline becomes a generator (its single `await` on the host call a `yield`)
 *   driven by `_wcpReturnWhenReady`: when the host's value is not a thenable the generator
 *   is resumed at once and the trampoline returns synchronously; when it is, the rest runs
 *   after it settles exactly as the `await` did (a rejection is thrown in at the same point);
 * - `_suspendingImport`'s may-block branch returns a non-thenable result directly (restoring
 *   the current-task meta as its `finally` did) and keeps its async arrow for thenables.
 * Measured since (bench/probeJspiSuspend.mjs, Chromium 150): `WebAssembly.Suspending` still
 * suspends the guest when the import returns a plain value, and microtasks run before it
 * resumes; what this saves is jco's glue work per call, not the suspension. Code that wants
 * several calls' work in one batch (the NATS bus's sends) must hold it itself.
 *
 * The suspension itself is saved for host functions marked as always answering
 * synchronously (syncImports.ts): given the host function (`hostFnOf`, looked up at
 * instantiate time), `_wcpReturnWhenReady` returns the trampoline's plain twin flagged
 * `wcpSync` (the same body, the host call checked in place by `_wcpSyncAnswer`), which the
 * lowering then imports without `WebAssembly.Suspending`. Why a twin and not the generator
 * driven synchronously (as until stop 32): a flooding producer makes two such calls per
 * send, and per call the generator object and its step results were a good part of what
 * the run worker allocated (sampling heap profile, ~0.7 of its 3.8 KB per send).
 */

/** Injected next to `_suspendingImport`: drives a light trampoline's generator. */
export const RETURN_WHEN_READY = `${ANSWERS_SYNC}// wcp: a host answer that is not a Promise returns without suspending (src/toolchain/suspendOnlyOnPromise.ts)
function _wcpIsThenable(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';
}
function _wcpReturnWhenReady(generatorFn, hostFnOf, plainFn) {
  const settle = async (gen, pending) => {
    for (;;) {
      let value;
      let failed = false;
      try {
        value = await pending;
      } catch (e) {
        failed = true;
        value = e;
      }
      const step = failed ? gen.throw(value) : gen.next(value);
      if (step.done) return step.value;
      pending = step.value;
    }
  };
  // A host function is named (hostFnOf) only together with the trampoline's plain twin.
  if (typeof plainFn === 'function' && _wcpAnswersSync(hostFnOf)) {
    // Imported without WebAssembly.Suspending: the guest cannot wait, so a Promise from a
    // host function marked synchronous is an error thrown where the host answered
    // (_wcpSyncAnswer; the trampoline's catch marks the component trapped), never a Promise
    // object lowered.
    plainFn.wcpSync = true;
    return plainFn;
  }
  return function () {
    const gen = generatorFn.apply(this, arguments);
    let step = gen.next();
    while (!step.done) {
      if (_wcpIsThenable(step.value)) return settle(gen, step.value);
      step = gen.next(step.value);
    }
    return step.value;
  };
}
// The plain twin's host call: a plain answer is returned, a Promise is an error (see above).
function _wcpSyncAnswer(value, trampoline) {
  if (!_wcpIsThenable(value)) return value;
  Promise.resolve(value).catch(() => {});
  throw new WebAssembly.RuntimeError('host function ' + trampoline.fnName + ' is marked as answering synchronously but returned a Promise; the guest is not suspended for it');
}

`;

const ASYNC_TRAMPOLINE = /^(\n( *)const (_trampoline\d+) = )async function\(([^)\n]*)\) \{\n([\s\S]*?)\n\2\}\n/;

/**
 * `trampoline` (one light trampoline's definition as matched by lightenJspiGlue) as a
 * generator driven by `_wcpReturnWhenReady`, or undefined when its body has other awaits
 * than the host call (then it stays an async function). With `syncable`, the host
 * function is looked up at instantiate time (syncImports.ts hostFnOf) and, when marked
 * as always answering synchronously, the trampoline is its plain twin, flagged `wcpSync`.
 */
export function returnWhenReady(trampoline: string, syncable = false): string | undefined {
  const m = ASYNC_TRAMPOLINE.exec(trampoline);
  if (!m) return undefined;
  const [head, prefix, indent, name, params, body] = m;
  if (body.split(/\bawait\b/).length !== 2 || body.split('await _trackHostOperation(() => ').length !== 2) return undefined;
  // A generator's `yield` binds looser than `await`: parenthesised, the expression is the same.
  const host = /await _trackHostOperation\(\(\) => ([^\n]*)\)\n/.exec(body);
  if (!host) return undefined;
  const newBody = body.replace(host[0], () => `(yield _trackHostOperation(() => ${host[1]}))\n`);
  const fn = syncable ? hostFnOf(host[1], body) : undefined;
  // With a host function to look up, also the plain twin used when it answers synchronously:
  // the same body with the host call checked in place, no generator to create and step.
  const twin = () => `function (${params}) {\n${body.replace(host[0], () => `(_wcpSyncAnswer(_trackHostOperation(() => ${host[1]}), ${name}))\n`)}\n${indent}}`;
  const lookup = fn === undefined ? '' : `, () => ${fn}, ${twin()}`;
  return `${prefix}_wcpReturnWhenReady(function* (${params}) {\n${newBody}\n${indent}}${lookup});\n${trampoline.slice(head.length)}`;
}

/** jco's may-block branch of `_suspendingImport` (any indentation: jco nests it in some glue). */
const MAY_BLOCK = /\n( *)return \(async \(\) => \{\n *try \{\n *return await fn\.apply\(null, args\);\n *\} finally \{\n *CURRENT_TASK_META\[componentIdx\] = saved;\n *if \(!switchesTask\) \{ CURRENT_TASK_META\.current = saved; \}\n *\}\n *\}\)\(\);/g;

const MAY_BLOCK_LIGHT = `
let result;
try {
  result = fn.apply(null, args);
} catch (err) {
  CURRENT_TASK_META[componentIdx] = saved;
  if (!switchesTask) { CURRENT_TASK_META.current = saved; }
  throw err;
}
if (result === null || (typeof result !== 'object' && typeof result !== 'function') || typeof result.then !== 'function') {
  CURRENT_TASK_META[componentIdx] = saved;
  if (!switchesTask) { CURRENT_TASK_META.current = saved; }
  return result;
}
return (async () => {
  try {
    return await result;
  } finally {
    CURRENT_TASK_META[componentIdx] = saved;
    if (!switchesTask) { CURRENT_TASK_META.current = saved; }
  }
})();`;

/** `js` with `_suspendingImport` returning plain results directly, or undefined when its text is not jco's. */
export function suspendOnlyOnPromise(js: string): string | undefined {
  const decl = /\n( *)function _suspendingImport\(/.exec(js);
  if (!decl) return undefined;
  const matches = [...js.matchAll(MAY_BLOCK)];
  if (matches.length !== 1) return undefined;
  const m = matches[0]!;
  // The branch must be inside _suspendingImport: after it, before its closing brace.
  const end = js.indexOf(`\n${decl[1]}}`, decl.index + 1);
  if (m.index < decl.index || end < 0 || m.index > end) return undefined;
  const indent = m[1]!;
  const light = MAY_BLOCK_LIGHT.replace(/\n/g, `\n${indent}`);
  return js.slice(0, m.index) + light + js.slice(m.index + m[0].length);
}
