// What a flood leaves held on the page: the memory figure of the flood bench. A presenter's
// demo may flood for an hour; the trace store is a ring of 10,000 events and the Diagram and
// Trace table index only what it holds, so what the page keeps must not grow with the flood.
// The Console keeps every line (up to 250,000, for paging back and Save): there the figure
// says what a line costs instead.
//
// Each side is a fresh page (bench/benchFlood.ts with the panel open): garbage collected and
// measured after prepare (guests built, panel mounted), flooded, given a second for the last
// batches, collected and measured again. The guest side floods `n` messages, the baseline a
// tenth of them, in alternating rounds; a held amount that grew with the messages shows as a
// ratio near 10, one bounded by the ring as a ratio near 1.

/** Bytes on the page's heaps: V8's and, where Chromium reports it, Blink's (DOM, styles). */
async function heapBytes(cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return h.usedSize + (h.embedderHeapUsedSize ?? 0);
}

/** One flood of `k` messages on a fresh page; resolves to the bytes it left held. */
async function heldAfterFlood(browser, pageUrl, k) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  try {
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.wcpFlood === 'object');
    await page.evaluate(() => window.wcpFlood.prepare());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const before = await heapBytes(cdp);
    await page.evaluate((n) => window.wcpFlood.start(n), k);
    await page.waitForFunction(() => window.wcpFlood.done(), undefined, { timeout: 600_000, polling: 250 });
    await page.evaluate(() => window.wcpFlood.stop());
    await page.waitForTimeout(1000);
    return (await heapBytes(cdp)) - before;
  } finally {
    await page.close();
  }
}

/**
 * The heap figure of one flood panel: bytes held after `n` messages against after `n / 10`.
 * `id` is the panel's flood figure id (flood, floodConsole, floodTrace).
 */
export async function floodHeapBench(browser, pageUrl, { id, panel, n, rounds }) {
  const small = Math.round(n / 10);
  const guest = [];
  const baseline = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [n, small] : [small, n];
    for (const k of order) (k === n ? guest : baseline).push((await heldAfterFlood(browser, pageUrl, k)) / 1e6);
  }
  const bounded = panel !== 'console';
  const perLine = guest.map((g, i) => ((g - baseline[i]) * 1e6) / (n - small));
  return {
    id: `${id}.heap`,
    title: `Flood of ${n} messages (${panel}): page heap held afterwards (V8 + Blink, after GC), vs a flood of ${small}`,
    unit: 'MB',
    guest,
    baseline,
    baselineName: `flood of ${small}`,
    ratio: 'guest/baseline',
    // Ten times the messages: a panel bounded by the trace ring holds about the same.
    goal: bounded ? { op: '<=', value: 1.5 } : undefined,
    notes: { messages: n, bytesPerExtraMessage: perLine.sort((a, b) => a - b)[Math.floor(perLine.length / 2)] },
  };
}
