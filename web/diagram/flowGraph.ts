import { hostPackages, type TraceEvent } from '../../src/index';
import { memoByString } from './memoByString';

/**
 * Column a node is drawn in: guests left, topics middle, stores/containers right. `host`: a
 * host package the playground does not ship (custom host code), drawn with the stores.
 */
export type FlowNodeKind = 'guest' | 'topic' | 'store' | 'container' | 'host';

/** A box in the flow diagram and a lifeline in the timeline. */
export interface FlowNode {
  /** `${kind}:${name}`, unique. */
  id: string;
  kind: FlowNodeKind;
  name: string;
  /** Some event touching this node came from another browser tab. */
  otherTab: boolean;
  /** Insertion order; with `kind` it fixes the node's slot so positions never jump. */
  seq: number;
  /**
   * A guest that serves another guest's import (guests linked to guests): drawn in the
   * middle column, so the chain caller → middleware → store reads left to right.
   */
  serves?: boolean;
}

/**
 * What one event draws: an arrow `from` → `to` (equal ids = a mark on one lifeline).
 * `family` picks the colour; `ack` arrows only appear in the timeline.
 */
export interface FlowStep {
  from: string;
  to: string;
  family: 'message' | 'call' | 'ack' | 'self';
  label: string;
  /** Failed call, dropped message, nack, trap. */
  bad: boolean;
}

/** Edges aggregated over many events, for the diagram's count labels. */
export interface FlowEdge {
  key: string;
  from: string;
  to: string;
  family: 'message' | 'call';
  count: number;
  bad: number;
  /** Ring index of the newest event on this edge (click → select it). */
  lastIndex: number;
}

const idsOf = (kind: FlowNodeKind) => memoByString((name) => `${kind}:${name}`);
// One id string per node rather than one per event: see memoByString.
const ids: Record<FlowNodeKind, (name: string) => string> = { guest: idsOf('guest'), topic: idsOf('topic'), store: idsOf('store'), container: idsOf('container'), host: idsOf('host') };

export const nodeId = (kind: FlowNodeKind, name: string): string => (ids[kind] ?? idsOf(kind))(name);

/**
 * Request-reply creates a fresh `_inbox.<uuid>` topic per request; drawn one by one they
 * would flood the middle column, so they share one node.
 */
export const topicNodeName = (topic: string) => (topic.startsWith('_inbox.') ? '_inbox.*' : topic);

const builtIn = new Set(hostPackages.map((p) => p.id));
/** WASI plumbing every guest uses (stdout, streams, clocks): not worth a node of its own. */
const PLUMBING = /^wasi:(cli|io|clocks|random|filesystem|sockets)\//;

/**
 * The custom host package a call went to, by name without version ("proposal:kv-ttl"), or
 * undefined for the built-in hosts and WASI plumbing. Custom host code serves calls with no
 * store or topic behind them; without a node of their own they would draw no arrow at all.
 */
export const customHostOf = memoByString((iface: string): string | undefined => {
  if (PLUMBING.test(iface)) return undefined;
  const m = /^([^/@]+)\/[^@]+(@.+)?$/.exec(iface);
  if (!m) return undefined;
  return builtIn.has(`${m[1]}${m[2] ?? ''}`) ? undefined : m[1];
});

/** A call's function name without its resource prefix ("[method]bucket.get" → "bucket.get"). */
const callName = memoByString((fn) => fn.replace(/^\[(method|static|constructor)\]/, ''));

const stepCache = new WeakMap<TraceEvent, FlowStep>();

/** The arrow an event draws; cached per event object because views ask every frame. */
export function stepOf(e: TraceEvent): FlowStep {
  let step = stepCache.get(e);
  if (!step) {
    step = computeStep(e);
    stepCache.set(e, step);
  }
  return step;
}

/** The arrow an event draws, computed afresh (see {@link stepOf} for the cached form). */
export function computeStep(e: TraceEvent): FlowStep {
  const guest = nodeId('guest', e.guest);
  switch (e.kind) {
    case 'message': {
      const topic = nodeId('topic', topicNodeName(e.topic));
      const bad = e.action === 'drop' || e.action === 'nack';
      const label = e.fault ? `${e.action} (${e.fault})` : e.reason ? `${e.action} (${e.reason})` : e.action;
      if (e.action === 'deliver') return { from: topic, to: nodeId('guest', e.to ?? e.guest), family: 'message', label, bad };
      // A handler's outcome answers its delivery: ack, nack, or a drop because it returned err.
      if (e.action === 'ack' || e.action === 'nack' || e.reason) return { from: nodeId('guest', e.to ?? e.guest), to: topic, family: 'ack', label, bad };
      return { from: guest, to: topic, family: 'message', label, bad };
    }
    case 'call': {
      const name = callName(e.fn);
      // Async (WASI 0.3) calls are traced twice: "▶ get" when they start, "get ◀" when they end,
      // so calls in flight together show as several starts before their ends.
      const label = e.pending ? `▶ ${name}` : e.callId ? `${name} ◀` : name;
      // An import another guest served: the arrow ends at that guest, whose own calls go on.
      if (e.servedBy) return { from: guest, to: nodeId('guest', e.servedBy), family: 'call', label, bad: !e.ok };
      if (!e.target) {
        const host = customHostOf(e.iface);
        return host ? { from: guest, to: nodeId('host', host), family: 'call', label, bad: !e.ok } : { from: guest, to: guest, family: 'self', label, bad: !e.ok };
      }
      const target = nodeId(e.target.type, e.target.type === 'topic' ? topicNodeName(e.target.name) : e.target.name);
      // Export calls (handlers) run host → guest, so their arrow points at the guest.
      return e.dir === 'export' ? { from: target, to: guest, family: 'call', label, bad: !e.ok } : { from: guest, to: target, family: 'call', label, bad: !e.ok };
    }
    default: {
      const phase = e.kind === 'lifecycle' ? e.phase : String((e as { kind?: unknown }).kind);
      const bad = e.kind === 'lifecycle' && (e.phase === 'trap' || e.phase === 'timeout' || e.detail === 'failed');
      return { from: guest, to: guest, family: 'self', label: phase, bad };
    }
  }
}

const kindOf = (id: string) => id.slice(0, id.indexOf(':')) as FlowNodeKind;

/**
 * Nodes seen so far. Kept across frames (and across ring-buffer eviction) so every node
 * keeps its slot; only `reset` (trace cleared) forgets them.
 */
export interface FlowNodes {
  readonly list: readonly FlowNode[];
  /** Bumps whenever a node is added or flagged, so layouts know when to recompute. */
  readonly version: number;
  seedGuests(names: readonly string[]): void;
  /** Adds the nodes of one event. */
  /**
   * `step`: the event's step when the caller already computed it (saves caching it).
   * `fromElsewhere`: a delivery of a message sent outside this browser (NATS): its topic,
   * where the other machine's sends enter, is flagged as the other tabs' nodes are.
   */
  observe(e: TraceEvent, otherTab: boolean, step?: FlowStep, fromElsewhere?: boolean): void;
  get(id: string): FlowNode | undefined;
  reset(): void;
}

export function createFlowNodes(): FlowNodes {
  const byId = new Map<string, FlowNode>();
  let list: FlowNode[] = [];
  let version = 0;
  const ensure = (id: string, otherTab: boolean) => {
    let n = byId.get(id);
    if (!n) {
      const kind = kindOf(id);
      n = { id, kind, name: id.slice(kind.length + 1), otherTab, seq: byId.size };
      byId.set(id, n);
      list = [...list, n];
      version++;
    } else if (otherTab && !n.otherTab) {
      n.otherTab = true;
      version++;
    }
  };
  return {
    get list() {
      return list;
    },
    get version() {
      return version;
    },
    seedGuests(names) {
      for (const name of names) ensure(nodeId('guest', name), false);
    },
    observe(e, otherTab, step, fromElsewhere = false) {
      const s = step ?? stepOf(e);
      ensure(s.from, otherTab || fromElsewhere);
      ensure(s.to, otherTab);
      if (e.kind === 'call' && e.servedBy) {
        const served = byId.get(s.to)!;
        if (!served.serves) {
          served.serves = true;
          // A new list too: views memoised on it (the timeline's lanes) re-sort.
          list = [...list];
          version++;
        }
      }
    },
    get: (id) => byId.get(id),
    reset() {
      byId.clear();
      list = [];
      version++;
    },
  };
}

/**
 * Aggregates the arrows of ring indices [0, end) into diagram edges. One pass with a
 * cached step per event: about a millisecond for the full 10,000-event ring.
 */
export function aggregateEdges(at: (i: number) => TraceEvent | undefined, end: number): FlowEdge[] {
  const edges = new Map<string, FlowEdge>();
  for (let i = 0; i < end; i++) {
    const e = at(i);
    if (!e) continue;
    // The start of an async call is not a second call: only its end counts on the edge.
    if (e.kind === 'call' && e.pending) continue;
    const s = stepOf(e);
    if (s.family !== 'message' && s.family !== 'call') continue;
    const key = `${s.family}|${s.from}|${s.to}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { key, from: s.from, to: s.to, family: s.family, count: 0, bad: 0, lastIndex: i };
      edges.set(key, edge);
    }
    edge.count++;
    if (s.bad) edge.bad++;
    edge.lastIndex = i;
  }
  return [...edges.values()];
}
