/// <reference lib="webworker" />
import type { HostContext, HostPackage } from '../hosts/hostContract';
import { validateRunRequest, type ExportCall, type RunnableArtifact, type RunRequest, type RunResponse } from '../protocol/runProtocol';
import type { TraceEvent } from '../trace/traceEvent';
import { coerceArgs } from './coerceArgs';
import { GuestExit } from './createWasiBase';
import { describeError } from './describeError';
import { findExport, loadGuest } from './loadGuest';
import { loadCustomHosts } from './loadCustomHosts';
import { renderValue } from './renderValue';
import { selectHosts } from './selectHosts';
import { createTraceQueue } from './createTraceQueue';
import { createHostBackend } from '../hosts/backend/createHostBackend';

/**
 * A throwaway worker that runs one guest. The main thread terminates it to stop a
 * runaway guest, so nothing here needs cleanup logic beyond closing channels.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let seq = 0;
let guestExports: Record<string, unknown> | undefined;
let artifact: RunnableArtifact;

const post = (msg: RunResponse) => scope.postMessage(msg);
let trace: ReturnType<typeof createTraceQueue>;

scope.onmessage = (ev: MessageEvent<unknown>) => {
  const err = validateRunRequest(ev.data);
  if (err) {
    post({ type: 'trap', seq: -1, message: `run worker rejected a message: ${err}` });
    return;
  }
  const req = ev.data as RunRequest;
  if (req.type === 'start') void start(req);
  else if (req.seq === seq) void callExport(req.call);
};

async function start(req: Extract<RunRequest, { type: 'start' }>): Promise<void> {
  seq = req.seq;
  artifact = req.artifact;
  trace = createTraceQueue(req.config.guest, (events: TraceEvent[]) => post({ type: 'trace', seq, events }));
  const ctx: HostContext = {
    config: req.config,
    tab: req.tab,
    emit: (event) => trace.push(event),
    log: (stream, text) => post({ type: 'log', seq, stream, text }),
  };
  const t0 = performance.now();
  try {
    // Browser storage, or a connection to the NATS server the user chose. Before the
    // watchdog's "instantiate" phase: a slow network is not a runaway guest, and the
    // connect has its own timeout with a readable error.
    ctx.backend = await createHostBackend(req.config.backend);
  } catch (e) {
    report(e);
    return;
  }
  post({ type: 'busy', seq, what: 'instantiate' });
  try {
    const custom: HostPackage[] = await loadCustomHosts(req.customHosts ?? {});
    const asyncImports = new Set(req.artifact.asyncImports);
    const { imports, packages } = await selectHosts(req.artifact.importedInterfaces, ctx, asyncImports, (e) => trace.push(e), custom);
    guestExports = await loadGuest(req.artifact, imports);
    // Hosts drive the guest's exported interfaces (incoming-handler, watcher); a guest
    // exporting any interface stays alive to serve them after its `run` call.
    const traced = tracedExports(guestExports);
    for (const pkg of packages) await pkg.attachExports?.(ctx, traced);
    const serving = req.artifact.exportedInterfaces;
    trace.push({ kind: 'lifecycle', phase: 'start', ms: performance.now() - t0 });
    post({ type: 'instantiated', seq, ms: performance.now() - t0, serving });
    post({ type: 'idle', seq });
    if (req.call) await callExport(req.call);
  } catch (e) {
    report(e);
  }
}

async function callExport(call: ExportCall): Promise<void> {
  const fn = guestExports && findExport(guestExports, '', call.name);
  if (!fn) {
    post({ type: 'trap', seq, message: `the component has no export named "${call.name}"` });
    return;
  }
  const info = artifact.exports.find((e) => e.iface === '' && e.name === call.name);
  const t0 = performance.now();
  post({ type: 'busy', seq, what: call.name });
  try {
    const value = await fn(...coerceArgs(call.args, info?.params ?? []));
    trace.push({ kind: 'lifecycle', phase: 'exit', detail: call.name, ms: performance.now() - t0 });
    trace.flush();
    post({ type: 'result', seq, name: call.name, value: renderValue(value), ms: performance.now() - t0 });
  } catch (e) {
    report(e);
  } finally {
    post({ type: 'idle', seq });
  }
}

function report(e: unknown): void {
  if (e instanceof GuestExit) {
    trace.push({ kind: 'lifecycle', phase: 'exit', detail: e.message });
    trace.flush();
    post({ type: 'result', seq, name: 'exit', value: e.code, ms: 0 });
    return;
  }
  const { message, stack } = describeError(e);
  trace.push({ kind: 'lifecycle', phase: 'trap', detail: message });
  trace.flush();
  post({ type: 'trap', seq, message, stack });
}

/**
 * Export object handed to hosts that drive guest exports (handlers, watchers): each call
 * is marked busy for the watchdog and traced as a host → guest call.
 */
function tracedExports(exports: Record<string, unknown>): Record<string, unknown> {
  const wrapObject = (iface: string, obj: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(obj)) {
      if (typeof fn !== 'function') continue;
      out[name] = async (...args: unknown[]) => {
        const t0 = performance.now();
        const at = performance.timeOrigin + t0;
        post({ type: 'busy', seq, what: `${iface}#${name}` });
        try {
          const result = await (fn as (...a: unknown[]) => unknown).apply(obj, args);
          trace.push({ kind: 'call', dir: 'export', iface, fn: name, args: args.map((a) => renderValue(a)), ok: true, result: renderValue(result), ms: performance.now() - t0, at });
          return result;
        } catch (e) {
          const { message } = describeError(e);
          trace.push({ kind: 'call', dir: 'export', iface, fn: name, args: args.map((a) => renderValue(a)), ok: false, result: message, ms: performance.now() - t0, at });
          throw e;
        } finally {
          post({ type: 'idle', seq });
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
