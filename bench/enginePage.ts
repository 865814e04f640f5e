import { checkLesson, createBuildClient, examples, lessons, parseLesson, prewarmRunWorker, solutionGuests, splitLines, startGuest, type BackendConfig, type BuildArtifact, type Lesson, type TraceEvent } from '../src/index';
import { benchEditServing } from './benchEditServing';
import { benchEditToRun } from './benchEditToRun';
import { benchPrint } from './benchPrint';
import { benchHostCall } from './benchHostCall';
import { benchJsBuild } from './benchJsBuild';
import { benchKeyvalue, createKvProbe } from './benchKeyvalue';
import { benchMessaging, createFloodProbe } from './benchMessaging';
import { benchNats, createNatsProbe } from './benchNats';
import { benchP3, benchP3RequestReply } from './benchP3';
import { benchRanges } from './benchRanges';
import { benchReplay } from './benchReplay';
import { createRangeProbe } from './rangeProbe';
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

/** `stopAfter`: press Stop once the run has settled (as the app may on a finished guest). */
async function run(artifact: BuildArtifact, opts: { guest?: string; namespace?: string; call?: string; args?: unknown[]; timeLimitMs?: number; subscriptions?: string[]; customHosts?: Record<string, string>; backend?: BackendConfig; stopAfter?: boolean } = {}) {
  const logs: string[] = [];
  const events: TraceEvent[] = [];
  let result: unknown;
  let trap: string | undefined;
  let runsBefore: number | undefined;
  let stages: Readonly<Record<string, number>> | undefined;
  const handle = startGuest(
    artifact,
    { config: { guest: opts.guest ?? 'guest-1', namespace: opts.namespace ?? 'wcp-bench', subscriptions: opts.subscriptions ?? [], buckets: [], ...(opts.backend ? { backend: opts.backend } : {}) }, call: opts.call ? { name: opts.call, args: opts.args ?? [] } : undefined, timeLimitMs: opts.timeLimitMs ?? 5000, customHosts: opts.customHosts },
    { onLog: (s, t) => pushLines(logs, s, t), onTrace: (e) => events.push(...e), onResult: (_n, v) => (result = v), onTrap: (m) => (trap = m), onInstantiated: (_ms, _s, st, n) => ((runsBefore = n), (stages = st)) },
  );
  const state = await handle.settled;
  if (opts.stopAfter) handle.stop();
  return { state, result, trap, logs, events, runsBefore, stages };
}

/**
 * One entry per line, as the Console shows them: the run worker joins writes that come fast
 * into one message (createLogCoalescer.ts), so a message may hold many lines, and a test
 * counting "one line per delivery" counted a burst once.
 */
function pushLines(into: string[], stream: string, text: string): void {
  for (const line of splitLines(text)) into.push(`${stream}: ${line}`);
}

/** Long-running guests (handlers) keyed by name; their logs and events keep accumulating. */
const serving = new Map<string, { logs: string[]; events: TraceEvent[]; stop: () => void; runsBefore?: number; state?: string }>();

async function serve(name: string, artifact: BuildArtifact, opts: { namespace: string; subscriptions: string[]; buckets?: string[]; backend?: BackendConfig; timeLimitMs?: number }) {
  const entry = { logs: [] as string[], events: [] as TraceEvent[], stop: () => {}, runsBefore: undefined as number | undefined, state: 'starting' };
  const h = startGuest(
    artifact,
    { config: { guest: name, namespace: opts.namespace, subscriptions: opts.subscriptions, buckets: opts.buckets ?? [], ...(opts.backend ? { backend: opts.backend } : {}) }, timeLimitMs: opts.timeLimitMs ?? 5000 },
    { onLog: (s, t) => pushLines(entry.logs, s, t), onTrace: (e) => entry.events.push(...e), onInstantiated: (_ms, _s, _st, n) => (entry.runsBefore = n), onState: (s) => (entry.state = s) },
  );
  entry.stop = h.stop;
  serving.set(name, entry);
  return h.settled;
}

const served = (name: string) => {
  const e = serving.get(name);
  return e ? { logs: e.logs, events: e.events, runsBefore: e.runsBefore, state: e.state } : undefined;
};

/** Presses Stop on a guest started with {@link serve}. */
const stopServing = (name: string) => serving.get(name)?.stop();

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

/** Benchmarks by `--only` name; each takes the round count and returns figures (bench/figureStats.mjs). */
const bench = {
  jsBuild: () => benchJsBuild(client),
  /** `only`: example ids (by default every single-guest WAT example, then every WAT example with handlers). */
  edit: async (rounds: number, only?: string[]) => [...(await benchEditToRun(client, rounds, only)), ...(await benchEditServing(client, rounds, only))],
  kv: (rounds: number) => benchKeyvalue(client, 500, rounds),
  messaging: (rounds: number) => benchMessaging(client, 2000, rounds),
  replay: (rounds: number) => benchReplay(client, 10_000, rounds),
  ranges: (rounds: number) => benchRanges(client, 100_000, rounds),
  hostCall: (rounds: number) => benchHostCall(client, 2000, Math.max(rounds, 7)),
  print: (rounds: number) => benchPrint(client, 20_000, rounds),
  p3: async (rounds: number) => [...(await benchP3(client, 200, rounds)), ...(await benchP3RequestReply(client, 50, rounds))],
  /** Needs a nats-server: bench/run.mjs starts one and passes its WebSocket address. */
  nats: (rounds: number, servers: string) => benchNats(client, servers, rounds),
};
/** Floods for bench/run.mjs's CPU-time figure (it traces around each call). */
const floodProbe = createFloodProbe(client);
/** NATS floods for bench/abEngine.mjs's `natsCpu` (prepare(servers) first). */
const natsProbe = createNatsProbe(client);
/** Key-value runs for bench/run.mjs's CPU-time figure `kv.cpu`. */
const kvProbe = createKvProbe(client);
/** Range reads one op at a time, for profiles and probes (bench/rangeProbe.ts). */
const rangeProbe = createRangeProbe(client);
const exampleGuests = (id: string) => examples.find((e) => e.id === id)?.guests;
/** Checks a shipped lesson (by id) or a lesson object with its starter or its solution. */
async function checkLessonCode(lesson: string | Lesson, which: 'starter' | 'solution') {
  const l = typeof lesson === 'string' ? lessons.find((x) => x.id === lesson) : parseLesson(lesson);
  if (!l) throw new Error(`no lesson ${String(lesson)}`);
  const t0 = performance.now();
  const out = await checkLesson(client, l, which === 'solution' ? solutionGuests(l) : l.guests);
  const record = out?.record;
  return { verdict: out?.verdict, ms: Math.round(performance.now() - t0), stdout: record?.guests.flatMap((g) => [...g.stdout.map((l) => `${g.traceName}: ${l}`), ...g.stderr.map((l) => `${g.traceName} stderr: ${l}`), ...(g.trap ? [`${g.traceName} trap: ${g.trap}`] : [])]) ?? [], calls: record?.events.map((e) => (e.kind === 'call' ? `${e.guest} ${e.fn} ${e.ok ? 'ok' : 'err ' + JSON.stringify(e.result)}` : e.kind === 'message' ? `${e.guest} ${e.action} ${e.topic}` : `${e.guest} ${e.phase}`)) ?? [] };
}

const learn = { ids: lessons.map((l) => l.id), check: checkLessonCode };
const engine = { learn, ready: client.ready, build, tryBuild, warm: (wit: string, opts?: Parameters<typeof client.warm>[1]) => client.warm(wit, opts), savedForNextVisit: () => client.savedForNextVisit(), run, serve, served, stopServing, exampleGuests, runExample, runScenario: (id: string, opts?: ScenarioOptions) => runScenario(client, id, opts), bench, floodProbe, natsProbe, kvProbe, rangeProbe, examples: examples.map((e) => e.id) };
(window as unknown as { wcpEngine: typeof engine }).wcpEngine = engine;
