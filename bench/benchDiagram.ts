import { createTraceStore } from '../src/index';
import { mountDiagramBench } from '../web/diagram/mountDiagramBench';
import { createSyntheticTrace, syntheticGuests } from './syntheticTrace';

/** Frame-time figures of one measurement: requestAnimationFrame deltas in ms. */
export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
}

const clock = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}

/** Collects rAF deltas for `ms`, calling `perFrame` (if given) each frame. */
function measureFrames(ms: number): Promise<FrameStats> {
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let last = 0;
    const start = performance.now();
    const tick = (t: number) => {
      if (last) deltas.push(t - last);
      last = t;
      if (t - start < ms) requestAnimationFrame(tick);
      else {
        const sorted = [...deltas].sort((a, b) => a - b);
        resolve({ frames: deltas.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN });
      }
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Diagram + timeline under load: 10,000 synthetic events already in the trace, then more
 * streaming in at `rate` events/s while frame times are measured for `ms`. The baseline is
 * an empty rAF loop in the same page, so the ratio compares across machines (1.0 = no cost).
 */
export async function benchDiagram(opts: { ms?: number; rate?: number; prefill?: number } = {}) {
  const ms = opts.ms ?? 3000;
  const rate = opts.rate ?? 500;
  const prefill = opts.prefill ?? 10_000;
  const baseline = await measureFrames(ms);

  const store = createTraceStore(`bench-diagram-${Math.random().toString(36).slice(2)}`);
  const next = createSyntheticTrace(store.tab);
  store.addLocal(next(prefill, clock() - 5000));
  const el = document.getElementById('stage') ?? document.body;
  const unmount = mountDiagramBench(el, store, syntheticGuests);
  await new Promise((r) => setTimeout(r, 500)); // first render + layout settle

  // Paced by elapsed time, not tick count: timers slip under load and must not lower the rate.
  let streamed = 0;
  const t0 = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - t0) / 1000) * rate) - streamed;
    if (due <= 0) return;
    store.addLocal(next(due, clock()));
    streamed += due;
  }, 20);
  const loaded = await measureFrames(ms);
  clearInterval(timer);
  const rows = document.querySelectorAll('[data-testid="timeline-row"]').length;
  unmount();
  store.dispose();
  return {
    events: store.events.size,
    streamed,
    renderedRows: rows,
    baselineP50: baseline.p50,
    baselineP95: baseline.p95,
    p50: loaded.p50,
    p95: loaded.p95,
    max: loaded.max,
    ratioP50: loaded.p50 / baseline.p50,
    ratioP95: loaded.p95 / baseline.p95,
  };
}
