// CPU time by thread while one page-side action runs, from Chrome's trace: the `tdur`
// (thread time) of every top-level task, summed per thread across all processes. Unlike
// wall-clock time it barely moves when other programs share the cores, which is what makes
// it a figure to steer by on a busy machine.

/** Thread-name prefixes grouped into the columns the bench reports. */
const GROUPS = [
  ['workers', /^DedicatedWorker/],
  ['page', /^CrRendererMain/],
  ['browser', /^CrBrowserMain/],
];

/**
 * Runs `action` with tracing on and returns the CPU milliseconds spent meanwhile: in total
 * (the tracing thread itself excluded) and per group of threads (workers, the page's main
 * thread, the browser process's main thread, everything else).
 */
export async function measureCpu(browser, page, action) {
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  let result;
  try {
    result = await action();
  } finally {
    var buffer = await browser.stopTracing();
  }
  const parsed = JSON.parse(buffer.toString('utf8'));
  const events = parsed.traceEvents ?? parsed;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const groups = { workers: 0, page: 0, browser: 0, other: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.tdur !== 'number' || !/RunTask/.test(e.name)) continue;
    const name = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (/Perfetto|Tracing/i.test(name)) continue;
    const group = GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';
    groups[group] += e.tdur / 1000;
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  return { result, total, groups };
}
