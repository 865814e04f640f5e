import type { TraceEventInput } from '../../trace/encodeTraceBatch';
import { isArrayOf, isBytes, isNumber, isOneOf, isOptional, isShape, isString, type Check } from '../../protocol/validate';

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

const isBoolean: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false`);
const isDuration: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `${p} must be a duration in ms (a number ≥ 0)`);
const isTime = isOptional(isNumber);
const isEnvelope: Check = (v, p) => (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? null : `${p} must be an object of CloudEvents attributes`);

const CHECKS: Record<TraceEventInput['kind'], Check> = {
  call: isShape({
    iface: isString,
    fn: isString,
    args: isArrayOf(() => null),
    ok: isBoolean,
    ms: isDuration,
    dir: isOneOf('import', 'export'),
    target: isOptional(isShape({ type: isOneOf('store', 'topic', 'container'), name: isString })),
    at: isTime,
  }),
  message: isShape({
    action: isOneOf('send', 'deliver', 'reply', 'request', 'drop', 'ack', 'nack'),
    topic: isString,
    envelope: isEnvelope,
    data: isBytes,
    to: isOptional(isString),
    transit: isOptional(isShape({ via: isString, ms: isNumber })),
    fault: isOptional(isString),
    at: isTime,
  }),
  lifecycle: isShape({
    phase: isOneOf('build', 'start', 'exit', 'trap', 'timeout', 'stop'),
    detail: isOptional(isString),
    ms: isOptional(isDuration),
    at: isTime,
  }),
};

/** A copy of `value` with only a trace event's fields, or why it is not one. */
export function readHostTraceEvent(value: unknown): HostTraceEvent {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind !== 'call' && kind !== 'message' && kind !== 'lifecycle') return { error: `event.kind must be one of call, message, lifecycle (got ${JSON.stringify(kind) ?? typeof kind})` };
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
    return { event: { kind, action, topic, envelope: { ...envelope }, data, ...(to === undefined ? {} : { to }), ...(transit ? { transit: { via: transit.via, ms: transit.ms } } : {}), ...(fault === undefined ? {} : { fault }), ...at } };
  }
  const { phase, detail, ms } = e as Extract<TraceEventInput, { kind: 'lifecycle' }>;
  return { event: { kind, phase, ...(detail === undefined ? {} : { detail }), ...(ms === undefined ? {} : { ms }), ...at } };
}
