import { isAsyncAbiGlue } from './isAsyncAbiGlue';

/** jco's lowering of a plain (0.2, JSPI-suspending) import called by a 0.3 component. */
const COMPAT_LOWER = 'function _lowerImportBackwardsCompat(args) {';
/** How that lowering calls the host import, in a microtask after it created the subtask. */
const UNPINNED_CALL = 'await importFn(...params);';
/** The same call made as the task that created the subtask (as jco's `_lowerImport` does). */
const PINNED_CALL = 'await _withGlobalCurrentTaskMeta({ taskID: task.id(), componentIdx: task.componentIdx(), fn: () => importFn(...params) }); // wcp: pinImportTasks.ts';

/**
 * WASI 0.3 glue in which a 0.2 import (`wasi:cli/stdout` `get-stdout`, a stream write) called
 * by one task of a component is always attributed to that task, or undefined for other glue
 * and for glue whose shape this rewrite does not know (then it is left as jco made it).
 *
 * Why: jco's `_lowerImportBackwardsCompat` creates the import's subtask under the calling
 * task, then calls the import's trampoline in a microtask. The trampoline finds "its" subtask
 * through the component's global current-task register (`getLatestSubtask()` of the task the
 * register names), which by then may name another task: a 0.3 request of another handler
 * call started in between sets the register to that call's task until its reply comes. The
 * 0.2 import was then attached to the other task's pending request, and its result (a stream
 * handle) was lowered as that request's `list<message>`: "TypeError: elems.entries is not a
 * function", the handler failed and the other call's answer was lost. It took a delivery
 * starting in the same turn as a handler printing, which replies through a NATS server
 * (frames of several messages) made common (2 to 6 rounds in 100 of p3-handler-awaits, paced
 * as Run after Run; e2e run-the-examples-on-a-nats-server). jco's own
 * `_lowerImport` (0.3 imports) already sets the register to the caller for the call; here the
 * compat path's calls get the same, with the register restored once the trampoline's
 * synchronous start (where it reads the register) has run.
 */
export function pinImportTasks(js: string): string | undefined {
  if (!isAsyncAbiGlue(js) || js.includes('// wcp: pinImportTasks.ts')) return undefined;
  const start = js.indexOf(COMPAT_LOWER);
  if (start < 0 || js.indexOf(COMPAT_LOWER, start + 1) >= 0) return undefined;
  // The function ends where the next one at its indentation starts.
  const indent = /[ \t]*$/.exec(js.slice(0, start))![0];
  const end = js.indexOf(`\n${indent}function `, start + COMPAT_LOWER.length);
  const body = js.slice(start, end < 0 ? js.length : end);
  // Both of its calls (the sync-lowered async function and the async-lowered one), and the
  // register helper the pinned call uses, or nothing is changed.
  if (body.split(UNPINNED_CALL).length - 1 !== 2 || !js.includes('function _withGlobalCurrentTaskMeta(args) {')) return undefined;
  return js.slice(0, start) + body.replaceAll(UNPINNED_CALL, PINNED_CALL) + js.slice(start + body.length);
}
