import type { HostContext, HostPackage, InterfaceImpl } from '../../hosts/hostContract';
import type { LinkedGuest, RunnableArtifact } from '../../protocol/runProtocol';
import { createTraceQueue } from '../createTraceQueue';
import { loadGuest } from '../loadGuest';
import { selectHosts, type SelectedHosts } from '../selectHosts';
import { splitInterfaceId } from '../witNames';
import { wrapInterface, type CallSink } from '../wrapInterface';

/**
 * Guests linked to guests, inside one run worker. The serving guest is instantiated in the
 * worker of the guest that imports from it, and the consumer's import object is the
 * provider's jco export object. Why one worker rather than a call across workers:
 * - jco hands resources (`bucket`) across as JS objects of the provider's exported class;
 *   the consumer's bindings check `instanceof` on them and call their methods. Those objects
 *   cannot cross a postMessage, so another worker would need a handle protocol;
 * - calls stay synchronous for the guest: JSPI suspends the consumer while the provider
 *   (itself suspended on IndexedDB) answers, with no extra hop or serialisation;
 * - the watchdog's time limit covers the whole chain, and stopping the run stops both;
 * - it is what static composition (`wac plug`) does: each composed component gets its own
 *   instance of the plug. A provider's state (a cache) therefore belongs to one consumer.
 */
export interface LinkedInstances {
  /** Provider name → its instantiated exports. */
  exports: Map<string, Record<string, unknown>>;
  /** Flushes the providers' trace queues (before the worker reports a result). */
  flush(): void;
}

/** Environment shared by the providers of one run worker. */
export interface LinkEnv {
  /** The consumer's context: tab and backend are shared, config is per provider. */
  ctx: HostContext;
  post(msg: { type: 'trace'; batch: import('../../trace/traceBatch').TraceBatch } | { type: 'log'; stream: 'stdout' | 'stderr'; text: string; guest: string }): void;
  custom: HostPackage[];
}

/** Instantiates each provider (dependencies first, as planLinks orders them). */
export async function instantiateLinked(linked: readonly LinkedGuest[], env: LinkEnv): Promise<LinkedInstances> {
  const exports = new Map<string, Record<string, unknown>>();
  const queues: ReturnType<typeof createTraceQueue>[] = [];
  for (const p of linked) {
    const trace = createTraceQueue(p.config.guest, (batch) => env.post({ type: 'trace', batch }));
    queues.push(trace);
    const ctx: HostContext = {
      ...env.ctx,
      config: p.config,
      emit: (event) => trace.push(event),
      log: (stream, text) => env.post({ type: 'log', stream, text, guest: p.name }),
    };
    // Handlers and watchers a provider exports are not attached here: a provider that
    // serves hosts too is also started on its own (planLinks), which attaches them once.
    const { imports } = await importsFor(p.artifact, p.links, ctx, (e) => trace.push(e), env.custom, exports);
    exports.set(p.name, await loadGuest(p.artifact, imports));
  }
  return { exports, flush: () => queues.forEach((q) => q.flush()) };
}

/**
 * The import object of one guest: hosts for its own imports, the linked providers'
 * exports for the imports `links` names. Calls into a provider are traced by the caller
 * with `servedBy`, so the trace and diagram show caller → provider → host.
 */
export async function importsFor(
  artifact: RunnableArtifact,
  links: Record<string, string> | undefined,
  ctx: HostContext,
  sink: CallSink,
  custom: HostPackage[],
  providers: ReadonlyMap<string, Record<string, unknown>>,
): Promise<SelectedHosts> {
  const linked = links ?? {};
  const asyncImports = new Set(artifact.asyncImports);
  const selected = await selectHosts(artifact.importedInterfaces.filter((id) => !(id in linked)), ctx, asyncImports, sink, custom);
  for (const [id, provider] of Object.entries(linked)) {
    const exported = providers.get(provider);
    const impl = exported && exportedInterface(exported, id);
    if (!impl) throw new Error(`${provider} was linked to serve ${id} to ${ctx.config.guest}, but its component does not export it`);
    selected.imports[splitInterfaceId(id).key] = wrapInterface(impl, { ifaceId: id, asyncImports, sink, servedBy: provider });
  }
  return selected;
}

/** jco names an exported interface by its id, its versionless id or its camelCased name. */
function exportedInterface(exports: Record<string, unknown>, id: string): InterfaceImpl | undefined {
  const { key, iface } = splitInterfaceId(id);
  const camel = iface.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  for (const name of [id, key, camel]) {
    const v = exports[name];
    if (v && typeof v === 'object') return v as InterfaceImpl;
  }
  return undefined;
}
