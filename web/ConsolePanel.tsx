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

/** Lines per chunk: a flood re-renders the last chunk or two, not every kept line. */
const CHUNK = 100;

/**
 * A run of up to CHUNK consecutive lines. Lines never change once appended and ids only grow,
 * so a chunk with the same first and last line (and length) is the same chunk: with 5,000
 * kept lines React then compares ~50 chunks per append instead of 5,000 lines. Every line
 * stays in the DOM (no virtualization, no content-visibility), so the console's text reads
 * in full even when it is below the fold.
 */
const Chunk = memo(
  function Chunk({ lines, showGuest }: { lines: readonly ConsoleLine[]; showGuest: boolean }) {
    return (
      <div className="console-chunk">
        {lines.map((line) => (
          <Line key={line.id} line={line} showGuest={showGuest} />
        ))}
      </div>
    );
  },
  (a, b) => a.showGuest === b.showGuest && a.lines.length === b.lines.length && a.lines[0] === b.lines[0] && a.lines[a.lines.length - 1] === b.lines[b.lines.length - 1],
);

/** Splits lines at id multiples of CHUNK, so a chunk's membership never changes as lines are added or trimmed. */
function chunksOf(lines: readonly ConsoleLine[]): { key: number; lines: readonly ConsoleLine[] }[] {
  const out: { key: number; lines: readonly ConsoleLine[] }[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || Math.floor(lines[i].id / CHUNK) !== Math.floor(lines[start].id / CHUNK)) {
      out.push({ key: Math.floor(lines[start].id / CHUNK), lines: lines.slice(start, i) });
      start = i;
    }
  }
  return out;
}

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
          chunksOf(ctx.console).map((c) => <Chunk key={c.key} lines={c.lines} showGuest={showGuest} />)
        )}
        {ctx.buildProgress && <BuildProgressRow progress={ctx.buildProgress} showGuest={showGuest} />}
        <EngineDownloadRow building={ctx.buildProgress !== undefined} />
      </div>
    </div>
  );
}
