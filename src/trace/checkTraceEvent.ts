import { isArrayOf, isBytes, isNumber, isOneOf, isOptional, isShape, isString, type Check } from '../protocol/validate';
import { MESSAGE_ACTIONS, type TraceEvent } from './traceEvent';

/**
 * Field checks of a trace event, per kind, for events that come from code this tab does not
 * control: host code in the sandbox (its `ctx.emit`) and other tabs on `<namespace>:trace`,
 * which may run another build of the playground. The views read these fields as the types
 * say (`iface.replace(…)`, `data.length`): one event of another shape from another tab took
 * the whole page down, blank, until reload.
 */
const isBoolean: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false`);
const isDuration: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `${p} must be a duration in ms (a number ≥ 0)`);
const isEnvelope: Check = (v, p) => (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? null : `${p} must be an object of CloudEvents attributes`);
const isTrue: Check = (v, p) => (v === true ? null : `${p} must be true`);

/** The fields each kind of event has, beside the common ones (id, guest, tab, at). */
export const TRACE_EVENT_FIELDS: Record<TraceEvent['kind'], Record<string, Check>> = {
  call: {
    iface: isString,
    fn: isString,
    args: isArrayOf(() => null),
    ok: isBoolean,
    ms: isDuration,
    dir: isOneOf('import', 'export'),
    target: isOptional(isShape({ type: isOneOf('store', 'topic', 'container'), name: isString })),
    servedBy: isOptional(isString),
    pending: isOptional(isTrue),
    callId: isOptional(isString),
  },
  message: {
    action: isOneOf(...MESSAGE_ACTIONS),
    topic: isString,
    envelope: isEnvelope,
    data: isBytes,
    to: isOptional(isString),
    transit: isOptional(isShape({ via: isString, ms: isOptional(isNumber), fromThisBrowser: isOptional(isBoolean), replayed: isOptional(isBoolean) })),
    fault: isOptional(isString),
    reason: isOptional(isString),
  },
  lifecycle: {
    phase: isOneOf('build', 'start', 'exit', 'trap', 'timeout', 'stop'),
    detail: isOptional(isString),
    ms: isOptional(isDuration),
  },
};

const COMMON = { id: isString, guest: isString, tab: isString, at: isNumber };
const whole = Object.fromEntries(Object.entries(TRACE_EVENT_FIELDS).map(([kind, fields]) => [kind, isShape({ ...COMMON, ...fields })])) as Record<TraceEvent['kind'], Check>;

/** The kind of `value` when it is one a trace event can have, else undefined. */
export function traceEventKind(value: unknown): TraceEvent['kind'] | undefined {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return kind === 'call' || kind === 'message' || kind === 'lifecycle' ? kind : undefined;
}

/** Why `value` is not a whole {@link TraceEvent} (as other tabs send them), or null. */
export function traceEventProblem(value: unknown): string | null {
  const kind = traceEventKind(value);
  if (!kind) return 'event.kind must be one of call, message, lifecycle';
  return whole[kind](value, 'event');
}
