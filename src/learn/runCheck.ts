import type { Diagnostic } from '../protocol/buildProtocol';
import type { BuildArtifact } from '../protocol/buildProtocol';
import { ABORT_NOTICE, explainGuestTrap } from '../runtime/explainJsTrap';
import { checkStopText } from '../runtime/describeMemory';
import { startGuest, type GuestHandle } from '../runtime/startGuest';
import type { BuildClient } from '../toolchain/createBuildClient';
import type { TraceEvent } from '../trace/traceEvent';
import type { LessonCheck, LessonGuest } from './lessonTypes';
import { deleteNamespace, readNamespace } from './readNamespace';
import type { GuestRecord, RunRecord } from './runRecord';

/** Options of {@link runCheck}. */
export interface RunCheckOptions {
  /** Storage/bus namespace; default a fresh one, deleted afterwards, so every Check starts empty. */
  namespace?: string;
  /** Keep the namespace's databases (tests that inspect them afterwards). */
  keep?: boolean;
  /** Every trace event as it happens (the UI feeds its diagram with them). */
  onTrace?(events: TraceEvent[]): void;
  /** What Check is doing, for a status line. */
  onStage?(text: string): void;
  /**
   * The build's own stages (`download`, `splice`, `initialize`…, with a fraction when
   * known): a JS guest's first build takes seconds, which "building…" alone left unexplained.
   */
  onBuildProgress?(guest: string, stage: string, fraction?: number): void;
}

/** Check's run: a record to judge, or the build errors that prevented it. */
export type CheckRun = { status: 'ran'; record: RunRecord } | { status: 'build-failed'; guest: string; diagnostics: Diagnostic[] } | { status: 'stale' };

/**
 * Builds the learner's guests and runs them the way the lesson's check asks: handlers
 * first (serving their subscriptions), then every caller `runs` times in a row, each run
 * with `copies` instances started together (as several tabs would). Everything happens in
 * a fresh namespace, so a re-check sees no data from earlier runs, then the namespace's
 * storage is read and deleted.
 */
export async function runCheck(client: BuildClient, guests: LessonGuest[], check: LessonCheck, opts: RunCheckOptions = {}): Promise<CheckRun> {
  const namespace = opts.namespace ?? `learn-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const timeLimitMs = check.timeLimitMs ?? 5000;
  const runs = Math.max(1, check.runs ?? 1);
  const copies = Math.max(1, check.copies ?? 1);
  const artifacts: BuildArtifact[] = [];
  const cache = new Map<string, BuildArtifact>();
  for (const g of guests) {
    const key = `${g.lang}\0${g.wit}\0${g.source}`;
    let artifact = cache.get(key);
    if (!artifact) {
      opts.onStage?.(`building ${g.name}…`);
      // Same slot as Run: a JS guest rebuilt after Run (or vice versa) takes the fast path.
      const onProgress = opts.onBuildProgress && ((stage: string, fraction?: number) => opts.onBuildProgress?.(g.name, stage, fraction));
      const r = await client.build(g.wit, { lang: g.lang, source: g.source }, { slot: g.name, ...(onProgress ? { onProgress } : {}) });
      if (r.status === 'stale') return { status: 'stale' };
      if (r.status === 'failed') return { status: 'build-failed', guest: g.name, diagnostics: r.diagnostics };
      artifact = r.artifact;
      cache.set(key, artifact);
    }
    artifacts.push(artifact);
  }

  const events: TraceEvent[] = [];
  const records: GuestRecord[] = [];
  const handlers: GuestHandle[] = [];
  // Settling waits for quiet: handlers idle and nothing new for settleMs (a loaded machine is slow).
  let lastActivity = performance.now();
  const onTrace = (batch: TraceEvent[]) => {
    lastActivity = performance.now();
    events.push(...batch);
    opts.onTrace?.(batch);
  };
  const start = (g: LessonGuest, artifact: BuildArtifact, run: number, copy: number, call: boolean) => {
    const rec: GuestRecord = { name: g.name, traceName: copy > 1 ? `${g.name}#${copy}` : g.name, run, state: 'starting', stdout: [], stderr: [], ...(g.call ? { call: g.call } : {}) };
    records.push(rec);
    const js = g.lang === 'js' || g.lang === 'ts';
    // All of stderr, for explaining a trap; the record leaves out the engine's abort notice, as Run's console does.
    const stderr: string[] = [];
    let instantiated!: () => void;
    let done!: () => void;
    const ready = new Promise<void>((r) => (instantiated = r));
    const finished = new Promise<void>((r) => (done = r));
    const handle = startGuest(
      artifact,
      { config: { guest: rec.traceName, namespace, subscriptions: g.subscriptions ?? [], buckets: g.buckets ?? [], ...(g.faults ? { faults: g.faults } : {}) }, call: call && g.call ? { name: g.call, args: [] } : undefined, timeLimitMs },
      {
        onState: (s) => {
          rec.state = s;
          lastActivity = performance.now();
          if (s === 'trapped' || s === 'timeout' || s === 'stopped') {
            instantiated();
            done();
          }
        },
        onLog: (stream, text) => {
          const lines = text.split('\n').filter((line) => line.length > 0);
          if (stream === 'stderr') stderr.push(...lines);
          rec[stream].push(...(stream === 'stderr' && js ? lines.filter((l) => !ABORT_NOTICE.test(l)) : lines));
        },
        onTrace,
        onInstantiated: () => instantiated(),
        onResult: (_name, value, _ms, _exitCode, text) => {
          rec.result = value;
          if (text !== undefined) rec.resultText = text;
          done();
        },
        onTrap: (message, _stack, memory) => {
          // Worded as Run words it: a JS exception, not the wasm trap it ends in; a stop, not a trap.
          const why = explainGuestTrap(g, artifact, stderr, message, memory);
          rec.trap = /^Stopped:/.test(message) ? checkStopText(timeLimitMs, memory) : (why?.message ?? message);
          if (why?.marker) rec.marker = why.marker;
          done();
        },
      },
    );
    return { handle, ready, finished, rec };
  };

  try {
    for (const [i, g] of guests.entries()) {
      if (g.call) continue;
      opts.onStage?.(`starting ${g.name}…`);
      const h = start(g, artifacts[i], 1, 1, true);
      handlers.push(h.handle);
      await h.handle.settled;
    }
    for (let run = 1; run <= runs; run++) {
      for (const [i, g] of guests.entries()) {
        if (!g.call) continue;
        opts.onStage?.(`running ${g.name}${runs > 1 ? ` (run ${run} of ${runs})` : ''}${copies > 1 ? ` in ${copies} copies at once` : ''}…`);
        if (copies === 1) {
          const h = start(g, artifacts[i], run, 1, true);
          await h.finished;
          continue;
        }
        // Instantiate every copy first, then call them in the same moment, so they overlap
        // the way two tabs pressing Run together would.
        const hs = Array.from({ length: copies }, (_, c) => start(g, artifacts[i], run, c + 1, false));
        await Promise.all(hs.map((h) => h.ready));
        for (const h of hs) if (!h.rec.trap) h.handle.call({ name: g.call, args: [] });
        await Promise.all(hs.map((h) => h.finished));
      }
    }
    if (handlers.length > 0) await settle(records, () => lastActivity, check.settleMs ?? 300);
  } finally {
    for (const h of handlers) h.stop();
  }
  opts.onStage?.('reading storage…');
  const storage = await readNamespace(namespace);
  if (!opts.keep) void deleteNamespace(namespace);
  return { status: 'ran', record: { guests: records, events, storage, runs, copies } };
}

/** Longest a Check waits for handlers to finish what the callers started. */
const SETTLE_CAP_MS = 20_000;

/**
 * Resolves once no handler is busy and nothing happened for `quietMs` (deliveries still
 * crossing the bus, a handler in the middle of a message), or after SETTLE_CAP_MS.
 */
async function settle(records: GuestRecord[], lastActivity: () => number, quietMs: number): Promise<void> {
  const start = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = performance.now();
    const busy = records.some((r) => r.call === undefined && (r.state === 'running' || r.state === 'starting'));
    if ((!busy && now - lastActivity() >= quietMs) || now - start > SETTLE_CAP_MS) return;
  }
}
