import type { TraceEventInput } from '../../trace/encodeTraceBatch';
import { isNumber, isOptional, isShape, type Check } from '../../protocol/validate';
import { TRACE_EVENT_FIELDS, traceEventKind } from '../../trace/checkTraceEvent';

/**
 * Sandboxed host code may describe what it did with `ctx.emit(event)`. Its event goes into
 * the run's trace batch beside the guest's own calls, and the page rejects a batch with one
 * malformed column whole: before this check, a host emitting `{ kind: 'call', iface: 42 }`
 * (by mistake, or to hide what the guest did) wiped every guest call sharing its batch from
 * the Trace, Diagram and Inspector, and a field of the wrong type could throw half way
 * through the writer, leaving the batch torn. So each event is checked field by field here
 * and copied: only the fields a trace event has, never the runtime's own marks (raw values,
 * call ids, `servedBy`), which would make the writer read the host's values differently.
 */
export type HostTraceEvent = { event: TraceEventInput } | { error: string };

// The host's fields, checked as another tab's are; `at` is optional (the writer stamps now),
// and the runtime's own fields (servedBy, pending, callId) are never copied from the host.
const { servedBy: _s, pending: _p, callId: _c, ...CALL } = TRACE_EVENT_FIELDS.call;
const CHECKS: Record<TraceEventInput['kind'], Check> = {
  call: isShape({ ...CALL, at: isOptional(isNumber) }),
  message: isShape({ ...TRACE_EVENT_FIELDS.message, at: isOptional(isNumber) }),
  lifecycle: isShape({ ...TRACE_EVENT_FIELDS.lifecycle, at: isOptional(isNumber) }),
};

/** A copy of `value` with only a trace event's fields, or why it is not one. */
export function readHostTraceEvent(value: unknown): HostTraceEvent {
  const kind = traceEventKind(value);
  if (!kind) return { error: `event.kind must be one of call, message, lifecycle (got ${JSON.stringify((value as { kind?: unknown } | null)?.kind) ?? 'undefined'})` };
  const error = CHECKS[kind](value, 'event');
  if (error) return { error };
  // Checked just above, field by field.
  const e = value as TraceEventInput;
  const at = e.at === undefined ? {} : { at: e.at };
  if (kind === 'call') {
    const { iface, fn, args, ok, ms, dir, target } = e as Extract<TraceEventInput, { kind: 'call' }>;
    return { event: { kind, iface, fn, args, ok, ms, dir, ...('result' in e ? { result: e.result } : {}), ...(target ? { target: { type: target.type, name: target.name } } : {}), ...at } };
  }
  if (kind === 'message') {
    const { action, topic, envelope, data, to, transit, fault } = e as Extract<TraceEventInput, { kind: 'message' }>;
    return { event: { kind, action, topic, envelope: { ...envelope }, data, ...(to === undefined ? {} : { to }), ...(transit ? { transit: transit.ms === undefined ? { via: transit.via } : { via: transit.via, ms: transit.ms } } : {}) /* never fromThisBrowser: only the NATS bus's seal check may say so */, ...(fault === undefined ? {} : { fault }), ...at } };
  }
  const { phase, detail, ms } = e as Extract<TraceEventInput, { kind: 'lifecycle' }>;
  return { event: { kind, phase, ...(detail === undefined ? {} : { detail }), ...(ms === undefined ? {} : { ms }), ...at } };
}
