import { examples, startGuest, type BuildArtifact, type BuildClient, type GuestHandle, type GuestState, type TraceEvent } from '../src/index';

/** What one guest of a scenario did. */
export interface ScenarioGuest {
  name: string;
  /** Final state: 'serving' for handlers still running when the scenario ended. */
  state: GuestState;
  result?: unknown;
  trap?: string;
  /** `stdout: text` / `stderr: text` lines in arrival order. */
  logs: string[];
  events: TraceEvent[];
  buildMs: number;
}

/** Outcome of {@link runScenario}: per-guest details plus one merged console. */
export interface ScenarioResult {
  namespace: string;
  guests: ScenarioGuest[];
  /** Every guest's log lines in arrival order, prefixed with the guest name: `payments stdout: …`. */
  logs: string[];
  ms: number;
}

/** Options for {@link runScenario}. */
export interface ScenarioOptions {
  /** Storage/bus namespace; default a fresh one, so runs never see each other's data. */
  namespace?: string;
  /** How long handlers keep running after the last `run` call settled (default 300 ms). */
  settleMs?: number;
  /** Per-call time limit handed to every guest (default 5000 ms). */
  timeLimitMs?: number;
}

/**
 * Runs every guest of an example the way the playground does: handlers (guests without
 * `call`) are started first and awaited until they serve, then the callers run one after
 * another; after `settleMs` for in-flight deliveries every guest still alive is stopped.
 * Identical guests (same WIT and source) are built once.
 */
export async function runScenario(client: BuildClient, exampleId: string, opts: ScenarioOptions = {}): Promise<ScenarioResult> {
  const example = examples.find((e) => e.id === exampleId);
  if (!example) throw new Error(`no example "${exampleId}"; known: ${examples.map((e) => e.id).join(', ')}`);
  const namespace = opts.namespace ?? `wcp-scenario-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const t0 = performance.now();
  await client.ready;

  // Builds go one at a time: the build client drops a pending build when a newer one starts.
  const cache = new Map<string, { artifact: BuildArtifact; ms: number }>();
  const builds: { artifact: BuildArtifact; ms: number }[] = [];
  for (const g of example.guests) {
    const key = `${g.lang}\0${g.wit}\0${g.source}`;
    let built = cache.get(key);
    if (!built) {
      const r = await client.build(g.wit, { lang: g.lang, source: g.source });
      if (r.status !== 'built') throw new Error(`${g.name}: ${r.status === 'failed' ? JSON.stringify(r.diagnostics) : 'build went stale'}`);
      built = { artifact: r.artifact, ms: r.ms };
      cache.set(key, built);
    }
    builds.push(built);
  }

  const merged: string[] = [];
  const guests: ScenarioGuest[] = [];
  const handles: GuestHandle[] = [];
  for (const [i, g] of example.guests.entries()) {
    const out: ScenarioGuest = { name: g.name, state: 'starting', logs: [], events: [], buildMs: builds[i].ms };
    guests.push(out);
    const handle = startGuest(
      builds[i].artifact,
      {
        config: { guest: g.name, namespace, subscriptions: g.subscriptions ?? [], buckets: [] },
        call: g.call ? { name: g.call, args: [] } : undefined,
        timeLimitMs: opts.timeLimitMs ?? 5000,
      },
      {
        onState: (s) => (out.state = s),
        onLog: (stream, text) => {
          const line = `${stream}: ${text.replace(/\n$/, '')}`;
          out.logs.push(line);
          merged.push(`${g.name} ${line}`);
        },
        onTrace: (events) => out.events.push(...events),
        onResult: (_name, value) => (out.result = value),
        onTrap: (message) => (out.trap = message),
      },
    );
    handles.push(handle);
    // A handler settles as 'serving' once subscribed; a caller settles when `run` returns.
    out.state = await handle.settled;
  }
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 300));
  // stop() reports 'stopped'; keep the state each guest had reached before the harness ended it.
  const reached = guests.map((g) => g.state);
  for (const h of handles) h.stop();
  guests.forEach((g, i) => (g.state = reached[i]));
  return { namespace, guests, logs: merged, ms: performance.now() - t0 };
}
