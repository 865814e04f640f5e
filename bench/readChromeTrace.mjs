// Reading a Chrome trace (Playwright's browser.startTracing): shared by the profile*.mjs tools.

/** Thread names by `pid:tid` (the trace's `thread_name` metadata). */
export function threadNames(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  return names;
}

/** The page's main thread, `pid:tid`: the CrRendererMain with the most events (others are spare renderers). */
export function pageMainThread(events, names = threadNames(events)) {
  const counts = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) === 'CrRendererMain') counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/** A thread's complete slices (`ph: 'X'`), in start order, longest first at one start. */
export const slicesOf = (events, thread) => events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);

/** Top-level slices of sorted `slices` (nested ones start inside their parent: RunTask in ThreadControllerImpl::RunTask). */
export function topLevelSlices(slices) {
  const out = [];
  for (const e of slices) if (!out.length || e.ts >= out[out.length - 1].ts + out[out.length - 1].dur) out.push(e);
  return out;
}

/** A slice's name with what it ran: `EventDispatch(message)`, `FunctionCall(onmessage)`. */
export const sliceName = (e) => `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}`;

/**
 * CPU milliseconds per thread: the thread time (`tdur`) of each thread's top-level complete
 * slices (one nested in another on the same thread is already counted), tracing's own
 * threads left out. Returns `[pid:tid, thread name, ms]` rows.
 */
export function cpuByThread(events, names = threadNames(events)) {
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.tdur !== 'number' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const rows = [];
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? '';
    if (/Perfetto|Tracing/i.test(name)) continue;
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    let ms = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      end = e.ts + e.dur;
      ms += e.tdur / 1000;
    }
    rows.push([key, name, ms]);
  }
  return rows;
}
