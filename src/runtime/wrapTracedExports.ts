import type { createBusyReporter } from './createBusyReporter';
import type { createTraceQueue } from './createTraceQueue';
import { describeError } from './describeError';
import { renderValue } from './renderValue';
import { traceTargetOf } from './wrapInterface';

/** What a wrapped export needs of its run worker. */
export interface TracedExportsContext {
  trace: ReturnType<typeof createTraceQueue>;
  /** The watchdog's batched busy/idle reports. */
  busy: ReturnType<typeof createBusyReporter>;
  /** False once the run was dropped (its worker handed to a later run). */
  isCurrent(): boolean;
  /** Around each call: the worker may be recycled only with no call in progress. */
  enter(): void;
  exit(): void;
}

/**
 * Export object handed to hosts that drive guest exports (handlers, watchers): each call
 * is watched by the watchdog (batched: createBusyReporter) and traced as a host → guest call.
 */
export function wrapTracedExports(exports: Record<string, unknown>, ctx: TracedExportsContext): Record<string, unknown> {
  const { trace, busy } = ctx;
  const wrapObject = (iface: string, obj: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(obj)) {
      if (typeof fn !== 'function') continue;
      const what = `${iface}#${name}`;
      out[name] = async (...args: unknown[]) => {
        // The run was dropped (a stopped handler's worker handed on): as in a terminated
        // worker, the delivery never completes, so nothing acknowledges it.
        if (!ctx.isCurrent()) return new Promise<never>(() => undefined);
        const t0 = performance.now();
        const at = performance.timeOrigin + t0;
        busy.enter(what);
        ctx.enter();
        try {
          const result = await (fn as (...a: unknown[]) => unknown).apply(obj, args);
          // Args and result go raw: the trace writer encodes them flat at once and the page
          // renders the same preview (a handler's call per delivery: no preview objects made
          // here, cloned and rebuilt on the page).
          trace.push({ kind: 'call', dir: 'export', iface, fn: name, args, argsRaw: true, ok: true, result, resultRaw: true, ms: performance.now() - t0, at, target: traceTargetOf(undefined, args) });
          return result;
        } catch (e) {
          const { message } = describeError(e);
          trace.push({ kind: 'call', dir: 'export', iface, fn: name, args: args.map((a) => renderValue(a)), ok: false, result: message, ms: performance.now() - t0, at, target: traceTargetOf(undefined, args) });
          throw e;
        } finally {
          ctx.exit();
          busy.exit();
        }
      };
    }
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exports)) {
    out[key] = value && typeof value === 'object' ? wrapObject(key, value as Record<string, unknown>) : value;
  }
  return out;
}
