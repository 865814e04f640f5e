import type { InterfaceImpl } from '../hosts/hostContract';
import type { HostCallEvent } from '../trace/traceEvent';
import type { RawValueMarks } from '../trace/encodeTraceBatch';
import { sampleGuestMemory } from './guestMemory';
import { RESOURCE_NAME, renderValue } from './renderValue';
import { toKebab } from './witNames';
import { GLUE_SYNC_MARK, isAnswersSync } from '../hosts/answersSync';
import { guestWillWait } from '../platform/beforeGuestWaits';
import { patchForRun, patchMethodsForRun, type PatchableClass } from '../platform/patchForRun';

/**
 * What the wrapper reports for every host call. `argsRaw` / `resultRaw` mark args and result
 * handed over as the host's values, to be rendered by the trace (encodeTraceBatch); a failed
 * call's result is always rendered (the run worker quotes it in a trap message).
 */
export type CallSink = (event: Omit<HostCallEvent, 'id' | 'guest' | 'tab'> & RawValueMarks) => void;

/** Options for {@link wrapInterface}. */
export interface WrapOptions {
  /** Versioned interface id, used in trace events and JSPI names. */
  ifaceId: string;
  /** JSPI async-import names; a host function returning a Promise must be listed. */
  asyncImports: ReadonlySet<string>;
  sink: CallSink;
  /**
   * Also record each call when it starts (`pending`), for async-lowered (WASI 0.3) imports
   * whose calls overlap: the timeline then shows starts and ends interleaved.
   */
  traceStart?: boolean;
  /** The guest serving this interface when it is linked to another guest (HostCallEvent.servedBy). */
  servedBy?: string;
}

let callIds = 0;

const WRAPPED = Symbol('wcp.wrapped');

/**
 * Wraps every function and resource method of one jco import object so each call is
 * traced (arguments, result or error, duration) at the worker boundary, and so a host
 * function that returns a Promise without being in the JSPI list fails loudly: without
 * JSPI, jco would hand the guest a Promise object and the call would fail silently.
 * Resource classes are patched in place because jco checks `instanceof` on them, for this
 * run only (patchForRun: a recycled worker restores them before its next run).
 */
export function wrapInterface(impl: InterfaceImpl, opts: WrapOptions): InterfaceImpl {
  const out: InterfaceImpl = {};
  for (const [name, value] of Object.entries(impl)) {
    if (typeof value !== 'function') {
      out[name] = value;
    } else if (isClass(value)) {
      // The import key, not `cls.name`: minified builds rename classes, jco keys do not change.
      patchClass(value as unknown as PatchableClass, toKebab(name), opts);
      out[name] = value;
    } else {
      out[name] = wrapFunction(value as (...a: unknown[]) => unknown, toKebab(name), opts);
    }
  }
  return out;
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function patchClass(cls: PatchableClass, res: string, opts: WrapOptions): void {
  if (cls[WRAPPED]) return;
  patchForRun(cls, RESOURCE_NAME, res);
  // The constructor is called as is: the class carries the glue's mark itself (set or cleared).
  patchForRun(cls, GLUE_SYNC_MARK, !opts.servedBy && isAnswersSync(cls), true);
  patchMethodsForRun(cls, WRAPPED, (fn, kind, key) => wrapFunction(fn, `${kind}${res}.${toKebab(key)}`, opts));
}

function wrapFunction(fn: (...a: unknown[]) => unknown, witName: string, opts: WrapOptions) {
  const jspiName = `${opts.ifaceId}#${witName}`;
  const isAsync = opts.asyncImports.has(jspiName);
  // Built-in host functions that never return a Promise; a linked guest's never count.
  const answersSync = !opts.servedBy && isAnswersSync(fn);
  const { ifaceId, sink, traceStart, servedBy } = opts;
  // One function per wrapped import, not a closure per call: a replay makes 20,000 calls.
  const emit = (ok: boolean, result: unknown, shown: unknown[] | undefined, args: unknown[], t0: number, at: number, target: HostCallEvent['target'], callId: string | undefined) => {
    const t1 = performance.now();
    const event: Parameters<CallSink>[0] = {
      kind: 'call',
      dir: 'import',
      iface: ifaceId,
      fn: witName,
      args: shown ?? args,
      ok,
      // A failed call's payload is rendered here: the worker quotes it if the guest traps next.
      result: ok ? result : renderValue(result),
      ms: t1 - t0,
      at: callId ? performance.timeOrigin + t1 : at,
      target: target ?? (ok ? traceTargetOf(undefined, [result]) : undefined),
    };
    if (!shown) event.argsRaw = true;
    if (ok) event.resultRaw = true;
    if (callId) event.callId = callId;
    if (servedBy) event.servedBy = servedBy;
    sink(event);
  };
  // A call that answered with a Promise: only hosts in the JSPI list may.
  const settle = (ret: Promise<unknown>, shown: unknown[], args: unknown[], t0: number, at: number, target: HostCallEvent['target'], callId: string | undefined) => {
    const report = (ok: boolean, result: unknown) => emit(ok, result, shown, args, t0, at, target, callId);
    if (answersSync) {
      ret.catch(() => undefined);
      const err = new WebAssembly.RuntimeError(`host function ${jspiName} is marked as answering synchronously but returned a Promise; the guest is not suspended for it`);
      report(false, err.message);
      throw err;
    }
    if (!isAsync) {
      const err = new Error(`host function ${jspiName} returned a Promise but is not in the JSPI async-import list; the guest cannot wait for it`);
      report(false, err.message);
      throw err;
    }
    guestWillWait();
    return ret.then(
      (v) => (report(true, v), v),
      (e) => (report(false, payloadOf(e)), Promise.reject(e)),
    );
  };
  // Runs once per host call (tens of thousands in a replay): one clock read per edge, no
  // spread copies, and the event built in one fixed shape.
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    // A guest calling hosts is watched while it runs: its memory can explain a stop.
    sampleGuestMemory(t0, true);
    const at = performance.timeOrigin + t0;
    const callId = traceStart ? `c${++callIds}` : undefined;
    // Arguments are shown as they were when the call started. Primitives and bytes (jco's
    // own copies) cannot change before the call answers synchronously: those go to the trace
    // as they are and the page renders them. Anything else is rendered now, so resources
    // are numbered in the order the guest passed them, as ever.
    const shown = callId !== undefined || !plainArgs(args) ? args.map((a) => renderValue(a)) : undefined;
    const target = traceTargetOf(this, args);
    if (callId) {
      const start: Parameters<CallSink>[0] = { kind: 'call', dir: 'import', iface: ifaceId, fn: witName, args: shown as unknown[], ok: true, ms: 0, at, target, pending: true, callId };
      if (servedBy) start.servedBy = servedBy;
      sink(start);
    }
    let ret: unknown;
    try {
      ret = fn.apply(this, args);
    } catch (e) {
      emit(false, payloadOf(e), shown, args, t0, at, target, callId);
      throw e;
    }
    // Rendered before the guest runs again: it may reuse the memory the arguments came from.
    if (ret instanceof Promise) return settle(ret, shown ?? args.map((a) => renderValue(a)), args, t0, at, target, callId);
    emit(true, ret, shown, args, t0, at, target, callId);
    return ret;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  if (answersSync) Object.defineProperty(wrapped, GLUE_SYNC_MARK, { value: true });
  return wrapped;
}

/** Arguments that are all primitives or bytes: nothing in them is numbered as a resource. */
function plainArgs(args: unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== null && (typeof a === 'object' || typeof a === 'function') && !(a instanceof Uint8Array)) return false;
  }
  return true;
}

function payloadOf(e: unknown): unknown {
  if (e && typeof e === 'object' && 'payload' in e) return (e as { payload: unknown }).payload;
  return e instanceof Error ? `${e.name}: ${e.message}` : e;
}

/**
 * Resources may expose `traceTarget` so the diagram can draw an edge to the store, topic or
 * container they touch: the receiver or an argument (`bucket.get`, `on-set(bucket, …)`), and
 * for calls that hand one out, the result (`open` → bucket, `create-container` → container).
 */
export function traceTargetOf(self: unknown, args: unknown[]): HostCallEvent['target'] {
  // Runs for every host call: no array of candidates is built.
  const own = targetOf(self);
  if (own) return own;
  for (let i = 0; i < args.length; i++) {
    const t = targetOf(args[i]);
    if (t) return t;
  }
  return undefined;
}

function targetOf(candidate: unknown): HostCallEvent['target'] {
  if (candidate === null || typeof candidate !== 'object') return undefined;
  const t = (candidate as { traceTarget?: HostCallEvent['target'] }).traceTarget;
  return t && typeof t === 'object' ? t : undefined;
}
