import { createBuildClient, createTraceStore, startGuest, type BuildArtifact, type GuestHandle, type TraceStore } from '../src/index';
import { mountConsoleBench } from '../web/console/mountConsoleBench';
import { mountDiagramBench } from '../web/diagram/mountDiagramBench';
import { mountTraceBench } from '../web/trace/mountTraceBench';
import { handlerWat, handlerWit, producerWat, producerWit } from './messagingGuests';

/** What one flood (or idle) period did to the main thread. */
export interface FloodResult {
  longTasks: number;
  longestTaskMs: number;
  worstFrameGapMs: number;
  msgPerSec: number;
}

/** The panel open during a flood: `?panel=console|trace`, the Diagram otherwise. */
export type FloodPanel = 'diagram' | 'console' | 'trace';
const floodPanelOf = (name: string | null): FloodPanel => (name === 'console' || name === 'trace' ? name : 'diagram');

/**
 * The page side of the flood bench (bench/run.mjs drives it): a producer guest floods n
 * messages to a handler guest while the real trace store and the Diagram panel are live,
 * exactly as the app wires them (onTrace → store.addLocal); with `?panel=console` the Console
 * panel instead, fed one line per delivered message, with `?panel=trace` the Trace table. Meanwhile it records long tasks
 * (PerformanceObserver 'longtask'), the worst gap between animation frames, and the latency
 * of clicks on a probe button (event timestamp → the next frame). With n = 0 the same
 * measurements run over an idle page: the baseline.
 */
export function createFloodBench(panel: FloodPanel = floodPanelOf(new URLSearchParams(location.search).get('panel'))) {
  const client = createBuildClient();
  let artifacts: { producer: BuildArtifact; handler: BuildArtifact } | undefined;
  let store: TraceStore | undefined;
  let run: { finished: boolean; stop: () => FloodResult } | undefined;
  let lastClickMs = -1;
  // Console: the handler is taken to print one line per message it receives (what a
  // logging handler does), appended the way useRunner appends guest output.
  let appendLine: ((line: { kind: 'stdout'; guest: string; text: string }) => void) | undefined;

  const probe = document.createElement('button');
  probe.id = 'flood-probe';
  probe.textContent = 'probe';
  probe.addEventListener('click', (ev) => {
    const stamp = ev.timeStamp;
    lastClickMs = -1;
    probe.textContent = `probe ${Math.random().toString(36).slice(2, 5)}`;
    requestAnimationFrame(() => (lastClickMs = performance.now() - stamp));
  });
  document.body.prepend(probe);

  return {
    async prepare() {
      await client.ready;
      const [p, h] = [await client.build(producerWit, { lang: 'wat', source: producerWat }), await client.build(handlerWit, { lang: 'wat', source: handlerWat })];
      if (p.status !== 'built' || h.status !== 'built') throw new Error('flood guests failed to build');
      artifacts = { producer: p.artifact, handler: h.artifact };
      store = createTraceStore(`bench-flood-${Math.random().toString(36).slice(2)}`);
      const stage = document.getElementById('stage') ?? document.body;
      if (panel === 'console') appendLine = await mountConsoleBench(stage, store, ['source', 'sink']);
      else if (panel === 'trace') mountTraceBench(stage, store, ['source', 'sink']);
      else mountDiagramBench(stage, store, ['source', 'sink']);
    },
    /** Starts a flood of n messages (0 = idle baseline, as long as 6 probe clicks take). */
    async start(n: number) {
      if (!artifacts || !store) throw new Error('call prepare() first');
      const s = store;
      let longTasks = 0;
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          longTasks++;
          longest = Math.max(longest, e.duration);
        }
      });
      observer.observe({ type: 'longtask', buffered: false });
      let worstGap = 0;
      let lastFrame = performance.now();
      let frames = true;
      const tick = (t: number) => {
        worstGap = Math.max(worstGap, t - lastFrame);
        lastFrame = t;
        if (frames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const handles: GuestHandle[] = [];
      let delivered = 0;
      const t0 = performance.now();
      let t1 = 0;
      const state = { finished: n === 0, stop: () => ({}) as FloodResult };
      if (n > 0) {
        const namespace = `bench-flood-${Date.now()}`;
        const onTrace = (events: Parameters<TraceStore['addLocal']>[0]) => {
          for (const e of events) {
            if (e.kind !== 'message' || e.action !== 'deliver') continue;
            delivered++;
            appendLine?.({ kind: 'stdout', guest: 'sink', text: `received ${e.topic} #${delivered} (${e.envelope.id})` });
          }
          s.addLocal(events);
          if (delivered >= n && !state.finished) {
            state.finished = true;
            t1 = performance.now();
          }
        };
        const sink = startGuest(artifacts.handler, { config: { guest: 'sink', namespace, subscriptions: ['bench.>'], buckets: [] }, timeLimitMs: 600_000, tab: s.tab }, { onTrace });
        handles.push(sink);
        await sink.settled;
        handles.push(startGuest(artifacts.producer, { config: { guest: 'source', namespace, subscriptions: [], buckets: [] }, call: { name: 'run', args: [n] }, timeLimitMs: 600_000, tab: s.tab }, { onTrace }));
      }
      state.stop = () => {
        frames = false;
        observer.disconnect();
        for (const h of handles) h.stop();
        return { longTasks, longestTaskMs: longest, worstFrameGapMs: worstGap, msgPerSec: n > 0 ? n / ((t1 - t0) / 1000) : 0 };
      };
      run = state;
      return { idleClicks: 6 };
    },
    done: () => run?.finished ?? true,
    lastClickMs: () => lastClickMs,
    stop: () => {
      if (!run) throw new Error('no flood running');
      const r = run.stop();
      run = undefined;
      return r;
    },
  };
}
