/**
 * Part of the light JSPI path of pure WASI 0.2 glue (lightenJspiGlue.ts): a host call that
 * settles schedules no scheduler timers when no task of any component is waiting.
 *
 * jco's `_trackHostOperation` ends every Promise-returning host call by starting each
 * component's tick loop (a 10 ms timer) and a deadlock check (a 0 ms timer). Both only act
 * on suspended tasks or pending scheduler work (task starts, a lock hand-off): the tick loop
 * resumes ready suspended tasks and ends at once without any, the deadlock check returns
 * without one. The light path never suspends a task, so in a loop of key-value calls each
 * call paid a timer task on its worker for nothing (41–64 ms of `setTimeout` self time per
 * 1,500 calls in worker profiles on a loaded machine, before the timers' own tasks). Code that does suspend
 * a task starts both itself when it suspends, so skipping them here when nothing waits loses
 * nothing; when anything waits, jco's path runs unchanged.
 *
 * The settle step also runs from one `then` with the same callback on both outcomes instead
 * of `finally`: `finally` settles its promise through an inner `Promise.resolve(…).then`,
 * three promise jobs between the host's answer and the trampoline's where `then` takes one,
 * on every suspending host call. The outcome is the same: the host's value or reason, or
 * the settle step's own error if it throws.
 */
export const NOTHING_WAITS = `// wcp: no scheduler timers when no task waits (src/toolchain/quietHostOperations.ts)
function _wcpNothingWaits() {
  for (const state of ASYNC_STATE.values()) {
    if (state.hasPendingSchedulerWork() || !state.suspendedTaskMetas().next().done) return false;
  }
  return true;
}
`;

/** jco's settle step of `_trackHostOperation` (indentation varies). */
const SETTLE = /\n( *)STORE_ASYNC_STATE\.pendingHostOperations--;\n *if \(STORE_ASYNC_STATE\.pendingHostOperations < 0\) \{\n *throw new Error\('negative pending host operation count'\);\n *\}\n( *)for \(const state of ASYNC_STATE\.values\(\)\) \{ state\.runTickLoop\(\); \}\n *_checkForDeadlock\(\);\n/;

/** The glue with the quiet settle step, or undefined when jco's text is not exactly what this expects. */
export function quietHostOperations(js: string): string | undefined {
  const fn = /\n( *)function _trackHostOperation\(operation\) \{\n/.exec(js);
  if (!fn || js.includes('_wcpNothingWaits')) return undefined;
  if (!/\n *function getOrCreateAsyncState\(/.test(js) || !/\n *suspendedTaskMetas\(\) \{/.test(js) || !/\n *hasPendingSchedulerWork\(\) \{/.test(js)) return undefined;
  const rest = js.slice(fn.index);
  const settle = SETTLE.exec(rest);
  // Only inside _trackHostOperation: the match must come before the function's end.
  const end = rest.indexOf(`\n${fn[1]}}\n`);
  if (!settle || end < 0 || settle.index > end) return undefined;
  const quiet = settle[0].replace(/\n( *)for \(const state of ASYNC_STATE/, (_, indent: string) => `\n${indent}if (_wcpNothingWaits()) return;\n${indent}for (const state of ASYNC_STATE`);
  // The settle step must be the whole `finally` callback of the call's promise.
  const head = /\n( *)return Promise\.resolve\(result\)\.finally\(\(\) => \{$/.exec(rest.slice(0, settle.index));
  const tail = new RegExp(`^${head?.[1] ?? ''}\\}\\);\n`).exec(rest.slice(settle.index + settle[0].length));
  if (!head || !tail) return undefined;
  const i = head[1];
  const step = `\n${i}const settled = () => {${quiet}${i}};\n${i}return Promise.resolve(result).then((value) => { settled(); return value; }, (error) => { settled(); throw error; });\n`;
  const from = head.index;
  const to = settle.index + settle[0].length + tail[0].length;
  return js.slice(0, fn.index) + `\n${NOTHING_WAITS}` + rest.slice(0, from) + step + rest.slice(to);
}
