import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { TraceStore } from '../../src/index';
import { traceIngestOf } from './createTraceIngest';
import { aggregateEdges, type FlowEdge, type FlowNodes } from './flowGraph';

/** The slice of the trace ring the Diagram panel shows, plus pause and scrub controls. */
export interface TraceView {
  /** Changes whenever the visible slice may have changed; use as a memo key. */
  version: string;
  /** Ring indices [0, available) are not hidden by Pause. */
  available: number;
  /** Ring indices [0, end) are shown: `available`, cut at the scrub point when scrubbing. */
  end: number;
  paused: boolean;
  setPaused(paused: boolean): void;
  /** Scrub point as an exclusive ring index, or undefined when following live. */
  scrub: number | undefined;
  setScrub(end: number | undefined): void;
  /** Every node seen in [0, available), in stable slot order. */
  nodes: FlowNodes;
  /** Diagram edges over ring indices [0, end). */
  edges: FlowEdge[];
}

/**
 * Least time between two renders while events keep arriving. The store notifies once per
 * animation frame; under a flood (100,000 messages) re-rendering the timeline and diagram
 * every frame kept the main thread busy most of the time (long tasks, late clicks). The
 * first change after a quiet spell still renders at once, so normal runs see no delay.
 */
export const FLOOD_RENDER_MS = 100;

/** `subscribe`, with notifications at least FLOOD_RENDER_MS apart (later ones coalesced, none lost). */
export function throttleSubscribe(subscribe: (fn: () => void) => () => void, minMs = FLOOD_RENDER_MS, now = () => performance.now()) {
  return (fn: () => void): (() => void) => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = now();
      fn();
    };
    const off = subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + minMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    });
    return () => {
      off();
      if (timer !== undefined) clearTimeout(timer);
    };
  };
}

/** Ring index of the event at absolute position `total` (clamped into [0, size]). */
const ringIndex = (store: TraceStore, absolute: number) => {
  const { size, total } = store.events;
  return Math.max(0, Math.min(size, size - (total - absolute)));
};

/**
 * Subscribes to the trace store (its notifications are already throttled to one per
 * animation frame) and derives the visible slice. `seedGuests` are the current example's
 * guests, so their nodes show before anything ran. New events are folded into the nodes
 * and edges by the store's ingest (createTraceIngest) in time-boxed slices of their own,
 * not here: a render only reads how far it got, so it costs the same however fast
 * events arrive.
 */
export function useTraceView(store: TraceStore, seedGuests: readonly string[]): TraceView {
  const s = traceIngestOf(store);
  // A transition, not useSyncExternalStore: a store change re-rendered the whole panel
  // synchronously inside the notifying task (render, commit, canvas repaint and layout in
  // one 100–300 ms task under a flood). As a transition React renders in slices that yield
  // to input and frames, and the canvas effect runs in a task of its own. The render reads
  // the ingest as it is then (it only moves forward), so a later render always catches up.
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => startTransition(() => setTick((t) => t + 1));
    const offRender = throttleSubscribe(s.subscribe)(rerender);
    const offStore = store.subscribe(s.kick);
    // Events that arrived before subscribing (a run shown after switching tabs).
    s.kick();
    return () => {
      offStore();
      offRender();
    };
  }, [store, s]);
  const { size, total } = store.events;
  s.nodes.seedGuests(seedGuests);
  // Shown: what the ingest has folded in (it stops at the pause point by itself).
  const availableTotal = Math.min(s.observedTotal, s.frozenTotal ?? total);
  const available = ringIndex(store, availableTotal);
  const version = `${total}:${size}:${store.paused}:${availableTotal}`;
  const [scrubTotal, setScrubTotal] = useState<number | undefined>(undefined);

  const scrub = scrubTotal === undefined ? undefined : Math.min(available, ringIndex(store, scrubTotal));
  const end = scrub ?? available;
  const setPaused = useCallback((p: boolean) => store.setPaused(p), [store]);
  const setScrub = useCallback(
    (e: number | undefined) => {
      const { size: n, total: t } = store.events;
      setScrubTotal(e === undefined ? undefined : t - n + e);
    },
    [store],
  );
  const edgesVersion = s.edges.version;
  // Live: the incremental window. Scrubbed: a one-off full pass up to the scrub point.
  const edges = useMemo(
    () => (scrub === undefined ? s.edges.list((abs) => abs - (store.events.total - store.events.size)) : aggregateEdges((i) => store.events.at(i), scrub)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    // Scrubbed: only eviction (a new oldest event) can change what lies before the scrub point.
    [store, scrub, scrub === undefined ? edgesVersion : total - size],
  );
  return { version: `${version}:${end}:${s.nodes.version}`, available, end, paused: store.paused, setPaused, scrub, setScrub, nodes: s.nodes, edges };
}
