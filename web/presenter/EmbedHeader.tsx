import type { ReactNode } from 'react';
import type { RunPhase } from '../useRunner';
import { StageFocusSwitch } from '../layout/StageFocusSwitch';
import type { StageLayout } from '../layout/useStageFocus';
import './presenter.css';

interface Props {
  title: string;
  phase: RunPhase;
  status: string;
  onRun(): void;
  onStop(): void;
  /** Opens the current workspace in the full playground (a new tab). */
  onOpenFull(): void;
  /** Which pane is large: shown as WIT | Guest | Output when the frame is too narrow for three. */
  stage: StageLayout;
  /**
   * Where the hosts run, when not in this browser (the NATS badge): an embed whose visitor
   * pressed Connect on a room's link showed nothing of the server, connected or not.
   */
  backend?: ReactNode;
}

/** The only chrome of `?embed`: what is shown, Run/Stop, status and a way out to the full app. */
export function EmbedHeader({ title, phase, status, onRun, onStop, onOpenFull, stage, backend }: Props) {
  const busy = phase === 'building' || phase === 'running';
  return (
    <header className="app-header embed-header" data-testid="embed-header">
      <span className="embed-title" title={title}>
        {title}
      </span>
      <button type="button" className="primary" data-testid="run" onClick={onRun}>
        {phase === 'building' ? 'Building…' : busy ? 'Re-run' : 'Run'}
      </button>
      <button type="button" data-testid="stop" onClick={onStop} disabled={phase === 'idle'}>
        Stop
      </button>
      <StageFocusSwitch layout={stage} />
      {backend}
      <span title={status} className={`status status-${phase}`} data-testid="status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="small" onClick={onOpenFull} data-testid="open-full" title="Open this workspace in the full WASI Cloud Playground">
        Open in playground ↗
      </button>
    </header>
  );
}
