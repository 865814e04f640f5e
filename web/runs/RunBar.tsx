import type { TraceRun } from '../../src/index';
import type { RunHistory } from './useRunHistory';
import './runs.css';

/** Clock time of a run's start, e.g. 14:02:05. */
export const clockOf = (run: TraceRun) => new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Picker text of a run: number, what ran, under which faults, when. */
export function runTitle(run: TraceRun): string {
  if (run.kind === 'open') return `${clockOf(run)} ${run.label} (opened; events from other tabs)`;
  return `Run ${run.number} · ${clockOf(run)} · ${run.label}${run.detail ? ` · ${run.detail}` : ''}`;
}

/** "Run 3", or "opened 14:02:05" for an example that was opened but not run. */
export const runName = (run: TraceRun) => (run.kind === 'run' ? `Run ${run.number}` : `opened ${clockOf(run)}`);

/**
 * One line above the trace panels: which run they show (newest follows live), a picker
 * for earlier runs and the comparison with the previous run.
 */
export function RunBar({ runs }: { runs: RunHistory }) {
  const { shown, live, previous } = runs;
  const newestFirst = [...runs.runs].reverse();
  return (
    <div className="run-bar" data-testid="run-bar">
      <select
        className="run-picker"
        aria-label="Run shown in the trace, diagram and inspector"
        data-testid="run-picker"
        value={shown.id}
        title={runTitle(shown)}
        onChange={(e) => runs.select(Number(e.target.value) === newestFirst[0]?.id ? undefined : Number(e.target.value))}
      >
        {newestFirst.map((r, i) => (
          <option key={r.id} value={r.id}>
            {i === 0 ? `${runTitle(r)} (latest)` : runTitle(r)}
          </option>
        ))}
      </select>
      {!live && (
        <button type="button" className="small run-live" data-testid="run-latest" onClick={() => {
            runs.select(undefined);
            runs.view.setPaused(false);
          }}
          title="Show the latest run, live (resumes a paused view)">
          Latest
        </button>
      )}
      <button
        type="button"
        className={`small${runs.comparing ? ' active' : ''}`}
        data-testid="run-compare"
        aria-pressed={runs.comparing}
        disabled={!previous}
        onClick={() => runs.setComparing(!runs.comparing)}
        title={previous ? `Compare with the previous run (${runName(previous)}): counts per arrow and failures per guest` : 'Run again to compare with this run'}
      >
        Compare
      </button>
    </div>
  );
}
