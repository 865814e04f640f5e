/**
 * One observable event in a run: a host call made by a guest, a message crossing the bus,
 * or a lifecycle change of a guest. Events are plain data so they cross workers, tabs
 * (BroadcastChannel) and share links unchanged.
 */
export type TraceEvent = HostCallEvent | MessageEvent_ | LifecycleEvent;

/** Common fields of every event. */
export interface TraceBase {
  /** Globally unique id: `${origin}:${counter}`. */
  id: string;
  /** Which guest (node in the diagram) produced it, e.g. "guest-1". */
  guest: string;
  /** Tab that produced it; lets the UI mark events that came from other tabs. */
  tab: string;
  /** `performance.timeOrigin + performance.now()` at the start, in ms. */
  at: number;
}

/** A call from guest to host through one import (or host to guest through an export). */
export interface HostCallEvent extends TraceBase {
  kind: 'call';
  /** Versionless or versioned interface id, e.g. "wasi:keyvalue/store@0.2.0-draft2". */
  iface: string;
  /** Function as WIT spells it: "open", "[method]bucket.get", "[static]cas.new". */
  fn: string;
  /** Arguments rendered to JSON-safe previews (bytes as text/hex, bigints as strings). */
  args: unknown[];
  /** Rendered result, or the error payload when `ok` is false. */
  result?: unknown;
  ok: boolean;
  /** Duration in ms (includes IndexedDB time for async hosts). */
  ms: number;
  /** The store/topic/container this call touched, for drawing an edge; optional. */
  target?: { type: 'store' | 'topic' | 'container'; name: string };
  /** "import" for guest→host calls, "export" for host→guest calls (handlers, watchers). */
  dir: 'import' | 'export';
  /**
   * Set when another guest of the workspace served this import (guests linked to guests):
   * that guest's name. Its own calls onward (to a host) follow as its own events.
   */
  servedBy?: string;
  /**
   * Set on the event recorded when an async (WASI 0.3) call STARTS; the completed call
   * follows as a separate event with the same `callId`. Calls in flight at once show as
   * several starts before their ends.
   */
  pending?: true;
  /**
   * Pairs a call's start event with its end event (async calls only). The end event's `at`
   * is when the call completed, so both sit at their own moment in the timeline.
   */
  callId?: string;
}

/**
 * Every action a message event records: the one list the type, the trace checks (events
 * from other tabs and host code), the lesson format's checks and the Diagram's kind filter
 * derive from, so a new action added here reaches all of them (it was spelt in four places).
 */
export const MESSAGE_ACTIONS = ['send', 'deliver', 'reply', 'request', 'drop', 'ack', 'nack'] as const;

/** One of {@link MESSAGE_ACTIONS}. */
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

/** A message published or delivered on the messaging bus. */
export interface MessageEvent_ extends TraceBase {
  kind: 'message';
  action: MessageAction;
  topic: string;
  /** CloudEvents 1.0 attributes of the envelope (id, source, type, specversion, ...). */
  envelope: Record<string, unknown>;
  /** Payload bytes; kept as bytes so the inspector can show text, JSON or hex. */
  data: Uint8Array;
  /** Receiving guest for `deliver`. */
  to?: string;
  /**
   * For a `deliver` that came through a broker (NATS): from the envelope's CloudEvents
   * `time` (stamped by the sender, perhaps on another machine with its own clock) to
   * receipt by this machine's host, in ms (absent when the sender stamped no time and no
   * stream stored it). `fromThisBrowser`: the message carried this
   * browser's seal (natsSeal.ts), so one of its tabs really sent it; a `source` naming one of
   * this browser's tabs without it was written by a peer on the server. `replayed`: it carried
   * the seal but repeated a message this receiver already had (natsReplay.ts): a peer
   * re-published one of this browser's messages word for word.
   */
  transit?: { via: string; ms?: number; fromThisBrowser?: boolean; replayed?: boolean };
  /**
   * Set when fault injection (src/hosts/faults) caused this event: "drop", "duplicate",
   * "delay 37ms", "reorder". Absent for normal traffic.
   */
  fault?: string;
  /**
   * Why a `drop` happened when no fault caused it: "handler returned err" (or "handler
   * trapped", "handler failed") for a standard handler, whose message the host then drops:
   * standard wasi:messaging has no nack and no redelivery.
   */
  reason?: string;
}

/** A guest starting, finishing, trapping or being stopped. */
export interface LifecycleEvent extends TraceBase {
  kind: 'lifecycle';
  phase: 'build' | 'start' | 'exit' | 'trap' | 'timeout' | 'stop';
  detail?: string;
  ms?: number;
}
