import type { TraceEvent } from '../../src/index';

/** One trace event flattened into the Trace table's columns. */
export interface TraceRowText {
  kind: string;
  /** `iface#fn` for calls, the topic for messages, the phase detail for lifecycle. */
  what: string;
  /** Full `what` (with version) for the tooltip. */
  whatTitle: string;
  detail: string;
  /** undefined = neutral colouring. */
  ok: boolean | undefined;
  ms: number | undefined;
  /**
   * How a message came in through a broker, "via NATS", kept out of `detail`: at its end it
   * was cut with the payload on a phone, a presenter's screen or beside a lesson.
   */
  via?: string;
}

const MAX_PREVIEW = 80;

/** Compact one-line preview of a rendered (JSON-safe) value. */
export function preview(value: unknown): string {
  let text: string;
  if (value === undefined) text = '()';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function bytesPreview(data: Uint8Array | undefined): string {
  if (!(data instanceof Uint8Array)) return '';
  return preview(decoder.decode(data.subarray(0, MAX_PREVIEW * 2)));
}

/**
 * Drops `@version` and the `wasi:` namespace: the table is narrow, and versions rarely
 * differ within a run. The tooltip keeps the full id.
 */
export const shortIface = (iface: string) => iface.replace(/@[^/#]+$/, '').replace(/^wasi:/, '');

/**
 * The Trace table's `kind` and `what` columns of an event: what its column widths are fitted
 * to (createColumnFit.ts), without the previews of arguments and payloads the row also shows.
 */
export function traceColumnText(e: TraceEvent): { kind: string; what: string } {
  switch (e.kind) {
    case 'call':
      // A call another guest served (guests linked to guests) names that guest.
      return { kind: e.dir === 'export' ? 'handler' : 'call', what: `${shortIface(e.iface)}#${e.fn}${e.servedBy ? ` → ${e.servedBy}` : ''}` };
    case 'message':
      return { kind: e.action, what: e.topic };
    case 'lifecycle':
      return { kind: e.phase, what: e.detail ?? '' };
    default:
      return { kind: String((e as { kind?: unknown }).kind), what: '' };
  }
}

export function describeTraceEvent(e: TraceEvent): TraceRowText {
  const { kind, what } = traceColumnText(e);
  switch (e.kind) {
    case 'call': {
      const args = `(${e.args.map(preview).join(', ')})`;
      const result = e.pending ? ' … started' : e.result === undefined && e.ok ? '' : ` → ${e.ok ? '' : 'err '}${preview(e.result)}`;
      return { kind, what, whatTitle: `${e.iface}#${e.fn}${e.servedBy ? `, served by guest ${e.servedBy}` : ''}`, detail: args + result, ok: e.ok, ms: e.ms };
    }
    case 'message': {
      const to = e.to ? ` → ${e.to}` : '';
      const ok = e.action === 'drop' || e.action === 'nack' ? false : undefined;
      // Through a broker: its delay in the ms column, and the way it came beside the detail.
      const via = e.transit ? `via ${e.transit.via}` : undefined;
      // A standard handler's drop says why: "handler returned err" (there is no nack to show).
      const reason = e.reason ? ` · ${e.reason}` : '';
      return { kind, what, whatTitle: e.topic, detail: `${bytesPreview(e.data)}${to}${reason}`, ok, ms: e.transit?.ms, via };
    }
    case 'lifecycle': {
      const bad = e.phase === 'trap' || e.phase === 'timeout' || e.detail === 'failed';
      return { kind, what, whatTitle: e.detail ?? '', detail: '', ok: bad ? false : undefined, ms: e.ms };
    }
    default:
      return { kind, what, whatTitle: '', detail: '', ok: undefined, ms: undefined };
  }
}

/** "3.2 ms", "19 ms": a duration as the Trace table's ms column shows it. */
export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** Case-insensitive match of the filter box over iface, fn, topic (a call's target too), guest (and kind). */
export function matchesFilter(e: TraceEvent, needle: string): boolean {
  if (!needle) return true;
  const n = needle.toLowerCase();
  const fields = [e.guest, e.kind];
  // A call's target (the bucket a `get` read, the container a blob call touched) finds it by that name too.
  if (e.kind === 'call') fields.push(e.iface, e.fn, `${e.iface}#${e.fn}`, e.servedBy ?? '', e.target?.name ?? '');
  else if (e.kind === 'message') fields.push(e.topic, e.action, e.to ?? '', e.reason ?? '');
  else fields.push(e.phase, e.detail ?? '');
  return fields.some((f) => f.toLowerCase().includes(n));
}

/**
 * "+1.234" seconds since `base` (the run's start). An event from another tab's clock can
 * land just before it: "−0.004".
 */
export function formatRelative(at: number, base: number): string {
  const s = (at - base) / 1000;
  return `${s < 0 ? '−' : '+'}${Math.abs(s).toFixed(3)}`;
}

/** Time origin of a trace view: its run's start, or the oldest event held. */
export function timeBase(store: { run?: { startedAt: number }; events: { at(i: number): { at: number } | undefined } }): number {
  return store.run?.startedAt ?? store.events.at(0)?.at ?? 0;
}
