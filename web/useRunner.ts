import { useCallback, useRef, useState } from 'react';
import { ABORT_NOTICE, cliConfigOf, cliRunCall, configValuesOf, explainGuestTrap, preloadHostCode, startGuest, type BackendConfig, type BuildArtifact, type Diagnostic, type ExampleGuest, type FaultConfig, type GuestHandle, type GuestState, type HostConfig } from '../src/index';
import { describeBuildStage } from './component/describeBuildStage';
import { createBuildProgress, type BuildProgress } from './console/buildProgress';
import { describeDrops } from './console/describeDrops';
import { memoryOutcome } from './console/memoryOutcome';
import { guestSourceOf } from './component/openedGuest';
import { useConsoleLog, type ConsoleLog } from './console/useConsoleLog';
import { getBuildClient, getTraceStore } from './engine';
import { buildErrorLines, formatMs, formatValue, notStartedStatus, splitLines } from './runFormat';
import { linkForRun } from './linking/linkForRun';

/** What the runner is doing; `serving` = guests are up waiting for messages. */
export type RunPhase = 'idle' | 'building' | 'running' | 'serving';

/** How a run ended: `started` = all guests built and were started; `aborted` = superseded or stopped. */
export type RunOutcome = { status: 'started' } | { status: 'failed'; guests: string[] } | { status: 'aborted' };

/** Run orchestration as seen by the UI. */
export interface Runner {
  phase: RunPhase;
  status: string;
  /** The build under way (console's live row); undefined when not building. */
  progress: BuildProgress | undefined;
  /** Build diagnostics by guest name, from the last run. */
  diagnostics: Record<string, Diagnostic[]>;
  console: ConsoleLog;
  /** `backend`: where hosts run (absent = this browser); see web/backend. */
  run(guests: RunGuest[], timeLimitMs: number, hosts?: RunHosts, backend?: BackendConfig): Promise<RunOutcome>;
  stop(): void;
  /** Stops everything and forgets diagnostics and status, e.g. when another example is loaded. */
  reset(): void;
}

/**
 * Host-side settings of a Run (web/faults resolves them from the workspace and example).
 * `faults` present = it decides every guest's faults (a missing name = none); absent = each
 * guest's own `faults` default applies.
 */
export interface RunHosts {
  faults?: Record<string, FaultConfig | undefined>;
  /** User-written host packages by package id (StartOptions.customHosts). */
  customHosts?: Record<string, string>;
}

const ACTIVE: GuestState[] = ['starting', 'running'];

/** A guest as Run takes it: arguments for its called export may come with it (typed in the UI). */
export type RunGuest = ExampleGuest & { callArgs?: unknown[] };

/**
 * Build every guest (sequentially: the build client supersedes concurrent builds), then
 * start them in example order — handlers first — waiting for each to settle or start
 * serving so subscriptions exist before producers send. A newer Run or Stop bumps `runId`,
 * which makes any still-awaiting older run return quietly.
 */
export function useRunner(): Runner {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<BuildProgress>();
  const [live, setLive] = useState(0);
  const [diagnostics, setDiagnostics] = useState<Record<string, Diagnostic[]>>({});
  const log = useConsoleLog();
  const { append, clear } = log;
  const runId = useRef(0);
  // The run whose output the Console shows: a stopped run's last lines come a moment after its
  // stop (read from its log tail), and must not land in the next run's Console.
  const shownRun = useRef(0);
  const handles = useRef(new Map<string, { handle: GuestHandle; state: GuestState }>());
  const starting = useRef(false);

  const refreshPhase = useCallback(() => {
    const states = [...handles.current.values()].map((h) => h.state);
    // Guests still up after the start loop are serving (or handling a delivery right now).
    setLive(starting.current ? 0 : states.filter((s) => s === 'serving' || ACTIVE.includes(s)).length);
    if (starting.current || states.some((s) => ACTIVE.includes(s))) setPhase('running');
    else setPhase(states.includes('serving') ? 'serving' : 'idle');
  }, []);

  /** Resolves once the stopped guests' last output (what their workers held) was shown. */
  const stopAll = useCallback((): Promise<unknown> => {
    const stopping: Promise<void>[] = [];
    for (const { handle, state } of handles.current.values()) if (state !== 'finished' && state !== 'trapped') stopping.push(handle.stop());
    handles.current.clear();
    setLive(0);
    return Promise.all(stopping);
  }, []);

  const stop = useCallback(() => {
    const wasActive = handles.current.size > 0 || starting.current || phase === 'building';
    runId.current++;
    starting.current = false;
    const stopped = stopAll();
    setPhase('idle');
    setProgress(undefined);
    if (wasActive) {
      const shown = shownRun.current;
      // After the guests' last lines.
      void stopped.then(() => {
        if (shownRun.current === shown) append({ kind: 'info', text: 'Stopped.' });
      });
      setStatus('stopped');
    }
  }, [append, phase, stopAll]);

  const run = useCallback(
    async (guests: RunGuest[], timeLimitMs: number, hosts?: RunHosts, backend?: BackendConfig): Promise<RunOutcome> => {
      const my = ++runId.current;
      void stopAll();
      clear();
      shownRun.current = my;
      setDiagnostics({});
      setPhase('building');
      const trace = getTraceStore();
      // The first guest's host code loads in its sandbox while the guests build.
      if (hosts?.customHosts && guests[0]) preloadHostCode(hosts.customHosts, hostConfigOf(guests[0], hosts, backend), trace.tab);
      const built: [RunGuest, BuildArtifact][] = [];
      const failed: Record<string, Diagnostic[]> = {};
      let buildMs = 0;
      for (const g of guests) {
        setStatus(`building ${g.name}…`);
        setProgress({ guest: g.name, label: 'starting the build' });
        const step = createBuildProgress(g, setProgress, append);
        const onProgress = (stage: string, fraction?: number) => {
          if (runId.current !== my) return;
          setStatus(`building ${g.name}: ${describeBuildStage(stage, fraction)}…`);
          step(stage, fraction);
        };
        // One slot per guest: a JS guest's fast rebuild starts from its own previous build.
        const r = await getBuildClient().build(g.wit, guestSourceOf(g), { onProgress, slot: g.name });
        if (runId.current !== my || r.status === 'stale') return { status: 'aborted' };
        step(r.status === 'built' ? 'done' : 'failed');
        setProgress(undefined);
        buildMs += r.ms;
        trace.addLocal([{ kind: 'lifecycle', phase: 'build', id: `${trace.tab}-ui:${my}:${g.name}`, guest: g.name, tab: trace.tab, at: performance.timeOrigin + performance.now(), ms: r.ms, detail: r.status }]);
        if (r.status === 'built') built.push([g, r.artifact]);
        else failed[g.name] = r.diagnostics;
      }
      const errors = buildErrorLines(failed);
      const failedCount = errors.length;
      if (failedCount > 0 || built.length === 0) {
        for (const e of errors) append({ kind: 'error', ...e });
        setDiagnostics(failed);
        setPhase('idle');
        setStatus(guests.length === 0 ? 'nothing to run' : `build failed (${failedCount} error${failedCount === 1 ? '' : 's'}) in ${formatMs(buildMs)}`);
        return { status: 'failed', guests: Object.keys(failed) };
      }

      // Guests linked to guests: an import another guest exports is served by that guest.
      const linkedRun = linkForRun(built, (g) => hostConfigOf(g, hosts, backend));
      if (!linkedRun.ok) {
        for (const e of linkedRun.errors) append({ kind: 'error', guest: e.guest, text: e.message });
        setPhase('idle');
        setStatus(`cannot link the guests (${linkedRun.errors.length} problem${linkedRun.errors.length === 1 ? '' : 's'})`);
        return { status: 'failed', guests: [...new Set(linkedRun.errors.map((e) => e.guest))] };
      }
      const { linking } = linkedRun;
      for (const n of linking.notes) append({ kind: 'info', guest: n.guest, text: n.text });
      setStatus(`built in ${formatMs(buildMs)} · running…`);
      starting.current = true;
      setPhase('running');
      let ranMs = 0;
      let outcome = '';
      const notStarted: string[] = [];
      const t0 = performance.now();
      for (const [g, artifact] of built) {
        if (linking.skip.has(g.name)) continue;
        const entry = { state: 'starting' as GuestState, handle: undefined as unknown as GuestHandle };
        // A command component (wasi:cli/run) is run like a world-level `run`.
        const call = g.call ?? cliRunCall(artifact.exportedInterfaces);
        const js = g.lang === 'js' || g.lang === 'ts';
        const stderr: string[] = [];
        // A failure before the guest was instantiated (its hosts could not start: a NATS
        // server out of reach, host code that throws) is not the guest trapping.
        let instantiated = false;
        // What the run status says instead of "trapped" / "time limit" when memory explains it.
        let memoryStatus: string | undefined;
        entry.handle = startGuest(
          artifact,
          { config: hostConfigOf(g, hosts, backend), call: call ? { name: call, args: g.callArgs ?? [] } : undefined, timeLimitMs, tab: trace.tab, ...(hosts?.customHosts ? { customHosts: hosts.customHosts } : {}), ...linking.startOptionsOf(g.name) },
          {
            onState: (s) => {
              entry.state = s;
              if (s === 'trapped' && !instantiated && !memoryStatus && !notStarted.includes(g.name)) notStarted.push(g.name);
              if (s === 'trapped' || s === 'timeout') outcome = memoryStatus ?? (s === 'timeout' ? 'stopped: time limit' : instantiated ? `${g.name} trapped` : notStartedStatus(notStarted));
              if (runId.current === my) refreshPhase();
            },
            onLog: (stream, text, from) => {
              if (shownRun.current !== my) return;
              splitLines(text).forEach((line) => {
                if (from) return append({ kind: stream, guest: from, text: line });
                if (stream === 'stderr') {
                  if (stderr.push(line) > 200) stderr.shift();
                  if (js && ABORT_NOTICE.test(line)) return; // explained with the trap below
                }
                append({ kind: stream, guest: g.name, text: line });
              });
            },
            onInstantiated: () => void (instantiated = true),
            onTrace: (events) => {
              trace.addLocal(events);
              describeDrops(events).forEach(append);
            },
            onResult: (name, value, ms, exitCode, shown) => {
              ranMs += ms;
              const text = name === 'exit' ? `exited` : `${name}() → ${typeof value === 'string' && exitCode !== undefined ? value : (shown ?? formatValue(value))}`;
              append({ kind: 'result', guest: g.name, text: `${text}${exitCode === undefined ? '' : ` · exit code ${exitCode}`}  (${formatMs(ms)})` });
            },
            onTrap: (message, stack, memory) => {
              if (shownRun.current !== my) return;
              const stopped = /^Stopped:/.test(message);
              const why = explainGuestTrap(g, artifact, stderr, message, memory);
              memoryStatus = memoryOutcome(g.name, { message, memory, stderr, outOfMemory: why?.outOfMemory });
              if (!why) return append({ kind: stopped ? 'timeout' : 'trap', guest: g.name, text: message, stack });
              append({ kind: 'trap', guest: g.name, text: why.message, stack: [message, stack].filter(Boolean).join('\n') });
              const { marker } = why;
              if (marker && runId.current === my) setDiagnostics((d) => ({ ...d, [g.name]: [marker] }));
            },
          },
        );
        handles.current.set(g.name, entry);
        await entry.handle.settled;
        if (runId.current !== my) return { status: 'aborted' };
      }
      starting.current = false;
      refreshPhase();
      const ran = ranMs > 0 ? ranMs : performance.now() - t0;
      setStatus(`built in ${formatMs(buildMs)} · ${outcome || `ran in ${formatMs(ran)}`}`);
      return { status: 'started' };
    },
    [append, clear, refreshPhase, stopAll],
  );

  const reset = useCallback(() => {
    runId.current++;
    starting.current = false;
    stopAll();
    setPhase('idle');
    setProgress(undefined);
    setDiagnostics({});
    setStatus('');
  }, [stopAll]);

  return { reset, phase, progress: phase === 'building' ? progress : undefined, status: live && phase !== 'idle' ? `${status} · ${live} serving` : status, diagnostics, console: log, run, stop };
}

/** The HostConfig a guest runs with: Hosts-tab settings, command inputs, config values, faults, backend. */
function hostConfigOf(g: RunGuest, hosts: RunHosts | undefined, backend: BackendConfig | undefined): HostConfig {
  const cli = cliConfigOf(g);
  const config = configValuesOf(g);
  return {
    guest: g.name,
    namespace: 'wcp',
    subscriptions: g.subscriptions ?? [],
    buckets: g.buckets ?? [],
    ...faultsOf(g, hosts),
    ...(cli ? { cli } : {}),
    ...(config ? { config } : {}),
    ...(backend && backend.kind !== 'browser' ? { backend } : {}),
  };
}

/** `{ faults }` for a guest's HostConfig, or nothing when it runs without faults. */
function faultsOf(g: RunGuest, hosts: RunHosts | undefined): { faults?: FaultConfig } {
  const faults = hosts?.faults ? hosts.faults[g.name] : g.faults;
  return faults ? { faults } : {};
}
