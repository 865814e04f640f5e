import type { TraceEvent } from '../../src/index';
import { computeStep, type FlowEdge, type FlowStep } from './flowGraph';
import { memoByString } from './memoByString';

const keysFrom = (family: FlowEdge['family']) => memoByString((from) => memoByString((to) => `${family}|${from}|${to}`, 256));
// An edge's key per event, made once per edge rather than once per event (see memoByString).
const edgeKey: Record<FlowEdge['family'], (from: string) => (to: string) => string> = { message: keysFrom('message'), call: keysFrom('call') };

/**
 * Live edge counts over exactly the events the trace ring holds, kept up to date
 * incrementally: new events are added, events the ring evicted are subtracted (their
 * edges are remembered here because the ring no longer has them). This keeps streaming at
 * hundreds of events per second O(new events) per frame instead of O(ring size).
 */
export interface EdgeWindow {
  /** Adds the event at absolute position `abs` (= ring `total` when it was pushed). */
  add(abs: number, e: TraceEvent, step?: FlowStep): void;
  /** Forgets everything before absolute position `firstAbs` (the ring's oldest). */
  evictBefore(firstAbs: number): void;
  /** Current edges; `lastIndex` is still absolute here — see {@link EdgeWindow.list}. */
  list(toRing: (abs: number) => number): FlowEdge[];
  reset(): void;
  /** Bumps on every change, for memo keys. */
  readonly version: number;
}

export function createEdgeWindow(): EdgeWindow {
  const edges = new Map<string, FlowEdge & { lastAbs: number }>();
  // Queue of (absolute position, edge, bad) for events currently counted.
  let queueAbs: number[] = [];
  let queueEdge: (FlowEdge & { lastAbs: number })[] = [];
  let queueBad: boolean[] = [];
  let head = 0;
  let version = 0;
  return {
    add(abs, e, step) {
      // Uncached: each event is added once; a flood's every event in stepOf's WeakMap made
      // major GCs long (ephemeron marking), for views that only ask about recent events.
      const s = step ?? computeStep(e);
      if (s.family !== 'message' && s.family !== 'call') return;
      const key = edgeKey[s.family](s.from)(s.to);
      let edge = edges.get(key);
      if (!edge) {
        edge = { key, from: s.from, to: s.to, family: s.family, count: 0, bad: 0, lastIndex: -1, lastAbs: abs };
        edges.set(key, edge);
      }
      edge.count++;
      if (s.bad) edge.bad++;
      edge.lastAbs = abs;
      queueAbs.push(abs);
      queueEdge.push(edge);
      queueBad.push(s.bad);
      version++;
    },
    evictBefore(firstAbs) {
      while (head < queueAbs.length && queueAbs[head] < firstAbs) {
        const edge = queueEdge[head];
        edge.count--;
        if (queueBad[head]) edge.bad--;
        if (edge.count === 0) edges.delete(edge.key);
        head++;
        version++;
      }
      // Compact now and then so the queue doesn't grow without bound.
      if (head > 4096 && head * 2 > queueAbs.length) {
        queueAbs = queueAbs.slice(head);
        queueEdge = queueEdge.slice(head);
        queueBad = queueBad.slice(head);
        head = 0;
      }
    },
    list(toRing) {
      const out: FlowEdge[] = [];
      for (const e of edges.values()) out.push({ key: e.key, from: e.from, to: e.to, family: e.family, count: e.count, bad: e.bad, lastIndex: toRing(e.lastAbs) });
      return out;
    },
    reset() {
      edges.clear();
      queueAbs = [];
      queueEdge = [];
      queueBad = [];
      head = 0;
      version++;
    },
    get version() {
      return version;
    },
  };
}
