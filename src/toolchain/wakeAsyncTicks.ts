import { isAsyncAbiGlue } from './isAsyncAbiGlue';

/**
 * Macrotasks without the clamp of nested timers, for the rewritten glue (below): one
 * MessageChannel per glue module, its callbacks run in the order they were queued. Unref'd
 * where that exists (Node), so a test process is not kept alive by it.
 */
export const SOON = `// wcp: prompt component-model scheduling (src/toolchain/wakeAsyncTicks.ts)
const _wcpSoonQueue = [];
let _wcpSoonPort;
function _wcpSoon(fn) {
  if (_wcpSoonPort === undefined) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const next = _wcpSoonQueue.shift();
      if (next) next();
    };
    channel.port1.unref?.();
    _wcpSoonPort = channel.port2;
  }
  _wcpSoonQueue.push(fn);
  _wcpSoonPort.postMessage(0);
}

`;

/** jco's tick loop: started on a 10 ms timer, re-ticked on timers (0 after a resumption, else 10 ms). */
const LOOP_START = 'if (this.#tickLoop !== null) { return; }\n        this.#tickLoop = 1;\n        setTimeout(async () => {';
const LOOP_SLEEP = 'await new Promise((resolve) => setTimeout(resolve, delay));';
/** jco's async lowering: one timer (0 ms) before it tells the guest whether the import already returned. */
const LOWER_WAIT = /setTimeout\(\(\) => \{(\n\s*\/\/ NOTE: whether the import settled before this timer fires)/;

/**
 * WASI 0.3 (component-model async) glue whose scheduler reacts at once instead of on timers,
 * or undefined for other glue and for glue whose shape this rewrite does not know.
 *
 * jco drives a component's suspended tasks from a tick loop that starts 10 ms after a task
 * suspends, polls every 10 ms while nothing is ready and re-ticks after each resumption with
 * `setTimeout(0)`; the async lowering of each import waits one more `setTimeout(0)`. Browsers
 * clamp nested zero timers to 4 ms, so every awaited host call cost a 0.3 guest 4–10 ms (a
 * key-value op ~4.5 ms against ~0.65 ms for a 0.2 guest, bench `p3.kv`). Here:
 * - the zero-delay waits (loop start, re-tick, the lowering's wait) are MessageChannel
 *   macrotasks: still after every microtask of the slice that ran, so the order jco relies
 *   on holds, but without the clamp;
 * - the 10 ms idle poll stays (readiness jco does not announce is still found), but any call
 *   of `runTickLoop` while it sleeps wakes it: jco calls it when a task suspends, when a host
 *   operation settles and when a cancellation is requested.
 * Every pattern must occur exactly once; otherwise the glue is left as jco made it.
 */
export function wakeAsyncTicks(js: string): string | undefined {
  if (!isAsyncAbiGlue(js) || js.includes('_wcpSoon(')) return undefined;
  if (count(js, LOOP_START) !== 1 || count(js, LOOP_SLEEP) !== 1 || (js.match(new RegExp(LOWER_WAIT.source, 'g')) ?? []).length > 1) return undefined;
  const body = js
    .replace(LOOP_START, 'if (this.#tickLoop !== null) { this._wcpWake?.(); return; }\n        this.#tickLoop = 1;\n        _wcpSoon(async () => {')
    .replace(
      LOOP_SLEEP,
      'await new Promise((resolve) => { if (delay === 0) { _wcpSoon(resolve); return; } const timer = setTimeout(() => { this._wcpWake = undefined; resolve(); }, delay); this._wcpWake = () => { this._wcpWake = undefined; clearTimeout(timer); resolve(); }; });',
    )
    .replace(LOWER_WAIT, '_wcpSoon(() => {$1');
  const firstLine = /^(?:\s*(?:"use [a-z ]+"|'use [a-z ]+');?\n)?/.exec(body)![0];
  return firstLine + SOON + body.slice(firstLine.length);
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}
