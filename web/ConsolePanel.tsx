import { memo } from 'react';
import { BuildProgressRow } from './console/BuildProgressRow';
import type { ConsoleLine } from './console/consoleTypes';
import type { PanelProps } from './panels/registerPanel';
import { useStickToBottom } from './useStickToBottom';
import { EngineDownloadRow } from './welcome/EngineDownloadRow';

const ICON: Record<ConsoleLine['kind'], string> = {
  stdout: ' ',
  stderr: '!',
  result: '→',
  trap: '✖',
  timeout: '⏱',
  info: '·',
  error: '✖',
};

// Memoised: a flood appends lines every frame, and re-rendering all 5,000 kept lines each time
// was most of the Console tab's main-thread time. Lines never change once appended.
const Line = memo(function Line({ line, showGuest }: { line: ConsoleLine; showGuest: boolean }) {
  return (
    <div className={`console-line console-${line.kind}`} data-testid="console-line" data-kind={line.kind}>
      <span className="console-icon" aria-hidden="true">
        {ICON[line.kind]}
      </span>
      {showGuest && line.guest && <span className="console-guest">{line.guest}</span>}
      <span className="console-text">
        {line.text}
        {line.stack && (
          <details className="console-stack">
            <summary>stack</summary>
            <pre>{line.stack}</pre>
          </details>
        )}
      </span>
    </div>
  );
});

/** Console tab: guest stdout/stderr, results, traps, timeouts and build errors, newest at bottom. */
export function ConsolePanel({ ctx }: PanelProps) {
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(ctx.console.length && ctx.console[ctx.console.length - 1].id);
  const showGuest = ctx.guests.length > 1;
  return (
    <div className="panel console-panel">
      <div className="panel-toolbar">
        <span className="muted">{ctx.console.length} line{ctx.console.length === 1 ? '' : 's'}</span>
        <button type="button" className="small" onClick={ctx.clearConsole} aria-label="Clear console">
          Clear
        </button>
      </div>
      <div className="console-body" ref={ref} onScroll={onScroll} data-testid="console" role="log" aria-live="polite">
        {ctx.console.length === 0 && ctx.phase === 'idle' ? (
          <div className="empty">Press Run (Ctrl+Enter) to build and run the guest{ctx.guests.length > 1 ? 's' : ''}.</div>
        ) : (
          ctx.console.map((line) => <Line key={line.id} line={line} showGuest={showGuest} />)
        )}
        {ctx.buildProgress && <BuildProgressRow progress={ctx.buildProgress} showGuest={showGuest} />}
        <EngineDownloadRow building={ctx.buildProgress !== undefined} />
      </div>
    </div>
  );
}
