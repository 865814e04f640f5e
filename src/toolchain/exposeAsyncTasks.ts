import { isAsyncAbiGlue } from './isAsyncAbiGlue';

/**
 * The key under which glue rewritten by {@link exposeAsyncTasks} reports its unfinished tasks:
 * an import-object entry it calls once per instantiation with a function listing them (see
 * runtime/loadGuest.ts). A symbol, so it can never be mistaken for an interface name.
 */
export const ASYNC_TASKS_KEY: unique symbol = Symbol.for('wcp.asyncTasks') as never;

/** What the rewritten glue hands to the import-object entry under {@link ASYNC_TASKS_KEY}. */
export type ListAsyncTasks = () => readonly unknown[];

const DECLARE = `
  // wcp: every component-model task of this instance that has not exited (src/toolchain/exposeAsyncTasks.ts)
  const _wcpTasks = new Set();
  if (imports && typeof imports[Symbol.for('wcp.asyncTasks')] === 'function') imports[Symbol.for('wcp.asyncTasks')](() => [..._wcpTasks]);
`;

/**
 * Glue of a WASI 0.3 (component-model async) component that tells its run worker which of its
 * tasks have not exited, or undefined for other glue and for glue whose shape is not the one
 * this rewrite knows (then nothing is reported and the worker assumes work may be left).
 *
 * Why: jco settles an async export's promise when the guest calls `task.return`, not when the
 * task exits ("detached work may require further host calls"), and a callback-style task may
 * go on waiting after it. A 0.3 message handler that was stopped hands its worker to the next
 * run only if none of its tasks is still alive there: such a task would keep jco's tick loop
 * polling and reach the old run's closed hosts. The tasks alive right after instantiation
 * (jco's start-up task, which is cleared but never exits) are the worker's baseline.
 *
 * Three insertions, each at a place that occurs exactly once: the declaration at the top of
 * `instantiate` (every task class lives inside it), `add` first thing in `AsyncTask`'s
 * constructor and `delete` where `exit` marks the task exited.
 */
export function exposeAsyncTasks(js: string): string | undefined {
  if (!isAsyncAbiGlue(js) || js.includes('_wcpTasks')) return undefined;
  const head = /\nexport function instantiate\(getCoreModule, imports[^)]*\) \{\n/.exec(js);
  const cls = js.indexOf('class AsyncTask {');
  if (!head || cls < 0 || js.indexOf('class AsyncTask {', cls + 1) >= 0) return undefined;
  const ctor = js.indexOf('constructor(opts) {', cls);
  const exit = js.indexOf('\n    exit(args) {', cls);
  const exited = js.indexOf('this.#exited = true;', exit);
  if (ctor < 0 || exit < 0 || exited < 0 || js.indexOf('this.#exited = true;', exited + 1) >= 0) return undefined;
  // No other class may sit between AsyncTask and the points patched in it.
  if (js.slice(cls + 1, exited).includes('\n    class ')) return undefined;
  const at = head.index + head[0].length;
  const ctorEnd = ctor + 'constructor(opts) {'.length;
  const exitedEnd = exited + 'this.#exited = true;'.length;
  return (
    js.slice(0, at) + DECLARE +
    js.slice(at, ctorEnd) + ' _wcpTasks.add(this);' +
    js.slice(ctorEnd, exitedEnd) + ' _wcpTasks.delete(this);' +
    js.slice(exitedEnd)
  );
}
