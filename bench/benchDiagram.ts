import { createTraceStore } from '../src/index';
import { mountDiagramBench } from '../web/diagram/mountDiagramBench';
import { createSyntheticTrace, syntheticGuests } from './syntheticTrace';
import { alternate, figure, type Figure } from './alternate';

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
export function measureFrames(ms: number): Promise<FrameStats> {
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
 * streaming in at `rate` events/s while frame times are measured for `ms`. Baseline: the
 * same page with the diagram mounted and nothing streaming (an idle rAF loop), in
 * alternating rounds; ratio = p95 frame time loaded / idle (1.0 = no cost; goal ≤ 1.5).
 */
export async function benchDiagram(opts: { ms?: number; rate?: number; prefill?: number; rounds?: number } = {}): Promise<Figure[]> {
  const ms = opts.ms ?? 2000;
  const rate = opts.rate ?? 500;
  const prefill = opts.prefill ?? 10_000;
  const store = createTraceStore(`bench-diagram-${Math.random().toString(36).slice(2)}`);
  const next = createSyntheticTrace(store.tab);
  store.addLocal(next(prefill, clock() - 5000));
  const el = document.getElementById('stage') ?? document.body;
  const unmount = mountDiagramBench(el, store, syntheticGuests);
  await new Promise((r) => setTimeout(r, 500)); // first render + layout settle

  const streamed = async () => {
    // Paced by elapsed time, not tick count: timers slip under load and must not lower the rate.
    let sent = 0;
    const t0 = performance.now();
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - t0) / 1000) * rate) - sent;
      if (due <= 0) return;
      store.addLocal(next(due, clock()));
      sent += due;
    }, 20);
    const f = await measureFrames(ms);
    clearInterval(timer);
    return f.p95;
  };
  const samples = await alternate(opts.rounds ?? 5, streamed, async () => (await measureFrames(ms)).p95, { warmup: false });
  const rows = document.querySelectorAll('[data-testid="timeline-row"]').length;
  unmount();
  store.dispose();
  return [
    figure(samples, {
      id: 'diagram.p95',
      title: `Diagram + timeline p95 frame time: ${prefill} events held, ${rate} events/s streaming, vs the same page idle`,
      unit: 'ms',
      baselineName: 'idle rAF loop',
      ratio: 'guest/baseline',
      goal: { op: '<=', value: 1.5 },
      notes: { events: store.events.size, renderedRows: rows },
    }),
  ];
}
