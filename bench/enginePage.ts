import { createBuildClient, examples, prewarmRunWorker, startGuest, type BuildArtifact, type TraceEvent } from '../src/index';
import { benchEditToRun } from './benchEditToRun';
import { benchJsBuild } from './benchJsBuild';
import { benchKeyvalue } from './benchKeyvalue';
import { benchMessaging } from './benchMessaging';
import { benchP3 } from './benchP3';
import { benchRanges } from './benchRanges';
import { benchReplay } from './benchReplay';
import { runScenario, type ScenarioOptions } from './runScenario';

/**
 * Page-side harness: drives the engine without the UI so benchmarks and engine tests
 * measure the engine alone. Everything returns plain data for Playwright's evaluate().
 */
const client = createBuildClient();
prewarmRunWorker();

/**
 * Builds a guest. `component` takes the bytes of a ready-made component (a Uint8Array, or a
 * number array from Playwright's evaluate()); its own WIT is used and `wit` is ignored.
 */
async function build(wit: string, lang: 'wat' | 'js' | 'ts' | 'component', source: string | number[] | Uint8Array, opts: { slot?: string; full?: boolean } = {}) {
  const guest = lang === 'component' ? { lang, bytes: source instanceof Uint8Array ? source : Uint8Array.from(source as number[]) } : { lang, source: source as string };
  const stages: string[] = [];
  const r = await client.build(wit, guest, { slot: opts.slot, full: opts.full, onProgress: (s) => stages.push(s) });
  if (r.status !== 'built') throw new Error(r.status === 'failed' ? JSON.stringify(r.diagnostics) : 'stale');
  return { ...r, stages };
}

/** Like {@link build} but returns diagnostics instead of throwing (for error-path tests). */
async function tryBuild(wit: string, lang: 'wat' | 'js' | 'ts', source: string) {
  const r = await client.build(wit, { lang, source });
  return r.status === 'failed' ? { status: r.status, diagnostics: r.diagnostics } : { status: r.status };
}

async function run(artifact: BuildArtifact, opts: { guest?: string; namespace?: string; call?: string; args?: unknown[]; timeLimitMs?: number; subscriptions?: string[]; customHosts?: Record<string, string> } = {}) {
  const logs: string[] = [];
  const events: TraceEvent[] = [];
  let result: unknown;
  let trap: string | undefined;
  const handle = startGuest(
    artifact,
    { config: { guest: opts.guest ?? 'guest-1', namespace: opts.namespace ?? 'wcp-bench', subscriptions: opts.subscriptions ?? [], buckets: [] }, call: opts.call ? { name: opts.call, args: opts.args ?? [] } : undefined, timeLimitMs: opts.timeLimitMs ?? 5000, customHosts: opts.customHosts },
    { onLog: (s, t) => logs.push(`${s}: ${t}`), onTrace: (e) => events.push(...e), onResult: (_n, v) => (result = v), onTrap: (m) => (trap = m) },
  );
  const state = await handle.settled;
  return { state, result, trap, logs, events };
}

/** Long-running guests (handlers) keyed by name; their logs and events keep accumulating. */
const serving = new Map<string, { logs: string[]; events: TraceEvent[]; stop: () => void }>();

async function serve(name: string, artifact: BuildArtifact, opts: { namespace: string; subscriptions: string[] }) {
  const entry = { logs: [] as string[], events: [] as TraceEvent[], stop: () => {} };
  const h = startGuest(
    artifact,
    { config: { guest: name, namespace: opts.namespace, subscriptions: opts.subscriptions, buckets: [] }, timeLimitMs: 5000 },
    { onLog: (s, t) => entry.logs.push(`${s}: ${t}`), onTrace: (e) => entry.events.push(...e) },
  );
  entry.stop = h.stop;
  serving.set(name, entry);
  return h.settled;
}

const served = (name: string) => {
  const e = serving.get(name);
  return e ? { logs: e.logs, events: e.events } : undefined;
};

async function runExample(id: string, namespace = 'wcp-bench') {
  const ex = examples.find((e) => e.id === id);
  if (!ex) throw new Error(`no example ${id}`);
  const out = [];
  for (const g of ex.guests) {
    const b = await build(g.wit, g.lang, g.source);
    out.push({ buildMs: b.ms, ...(await run(b.artifact, { guest: g.name, namespace, call: g.call, subscriptions: g.subscriptions })) });
  }
  return out;
}

const bench = { jsBuild: () => benchJsBuild(client), editToRun: (n?: number) => benchEditToRun(client, n), keyvalue: (n: number) => benchKeyvalue(client, n), messaging: () => benchMessaging(client, 1000), replay: () => benchReplay(client, 10_000), ranges: () => benchRanges(client, 100_000), p3: (n?: number) => benchP3(client, n) };
const exampleGuests = (id: string) => examples.find((e) => e.id === id)?.guests;
const engine = { ready: client.ready, build, tryBuild, warm: (wit: string) => client.warm(wit), run, serve, served, exampleGuests, runExample, runScenario: (id: string, opts?: ScenarioOptions) => runScenario(client, id, opts), bench, examples: examples.map((e) => e.id) };
(window as unknown as { wcpEngine: typeof engine }).wcpEngine = engine;
