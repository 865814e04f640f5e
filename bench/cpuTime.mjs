// CPU time by thread while one page-side action runs, from Chrome's trace: the `tdur`
// (thread time) of every top-level task, summed per thread across all processes. Unlike
// wall-clock time it barely moves when other programs share the cores, which is what makes
// it a figure to steer by on a busy machine.
import { cpuByThread } from './readChromeTrace.mjs';

/** Thread-name prefixes grouped into the columns the bench reports. */
const GROUPS = [
  ['workers', /^DedicatedWorker/],
  ['page', /^CrRendererMain/],
  ['browser', /^CrBrowserMain/],
];

/**
 * Runs `action` with tracing on and returns the CPU milliseconds spent meanwhile: in total
 * (the tracing thread itself excluded) and per group of threads (workers, the page's main
 * thread, the browser process's main thread, everything else). Per thread it sums the
 * thread time of top-level events only (an event inside another one on the same thread is
 * already counted): tasks, and also `v8.callFunction` slices outside any task, which is
 * where a JSPI guest runs after resuming from a suspended host call.
 */
export async function measureCpu(browser, page, action) {
  const { result, events } = await traceWhile(browser, page, action);
  const groups = { workers: 0, page: 0, browser: 0, other: 0 };
  for (const [, name, ms] of cpuByThread(events)) groups[GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other'] += ms;
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  return { result, total, groups };
}

/** Runs `action` with Chrome's tracing on (top-level tasks, V8, metadata): its result and the trace's events. */
export async function traceWhile(browser, page, action) {
  await browser.startTracing(page, { categories: ['toplevel', 'v8', '__metadata'] });
  let result;
  let buffer;
  try {
    result = await action();
  } finally {
    buffer = await browser.stopTracing();
  }
  const parsed = JSON.parse(buffer.toString('utf8'));
  return { result, events: parsed.traceEvents ?? parsed };
}
