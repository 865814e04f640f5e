import { useEffect, useRef, useSyncExternalStore } from 'react';
import { listPanels, subscribePanels } from '../panels/registerPanel';
import type { PanelContext } from '../panels/panelContext';
import type { RunPhase } from '../useRunner';
import './presenter.css';

interface Props {
  ctx: PanelContext;
  phase: RunPhase;
  status: string;
  onRun(): void;
  onClose(): void;
}

/** The panel to show big: the flow diagram when registered, else the trace. */
export function useStagePanel() {
  const panels = useSyncExternalStore(subscribePanels, listPanels);
  return panels.find((p) => p.id === 'diagram') ?? panels.find((p) => p.id === 'trace') ?? panels[0];
}

/**
 * The flow diagram over the whole window, for presenting: Run and the status stay
 * reachable; F or Escape closes it. Ctrl+Enter still runs (the app listens on window).
 */
export function FullscreenPanel({ ctx, phase, status, onRun, onClose }: Props) {
  const panel = useStagePanel();
  const dialog = useRef<HTMLDivElement>(null);
  // Focus moves into the overlay so shortcuts don't land in a hidden editor.
  useEffect(() => dialog.current?.focus(), []);
  const busy = phase === 'building' || phase === 'running';
  return (
    <div className="stage" role="dialog" aria-modal="true" aria-label={`${panel?.title ?? 'Output'} (fullscreen)`} data-testid="fullscreen-panel" data-panel={panel?.id} tabIndex={-1} ref={dialog}>
      <header className="stage-header">
        <span className="stage-title">{panel?.title ?? 'Output'}</span>
        <button type="button" className="primary" onClick={onRun}>
          {phase === 'building' ? 'Building…' : busy ? 'Re-run' : 'Run'}
        </button>
        <span className={`status status-${phase}`} role="status">
          {status}
        </span>
        <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)} title="Use the whole screen (browser fullscreen)">
          Full screen
        </button>
        <button type="button" onClick={onClose} aria-label="Close fullscreen view" title="Close (F or Esc)" data-testid="fullscreen-close">
          ✕
        </button>
      </header>
      <div className="stage-body">{panel ? <panel.Component ctx={ctx} /> : <p className="empty">No output panels are registered.</p>}</div>
    </div>
  );
}
