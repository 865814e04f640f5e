import { useCallback, useLayoutEffect, useRef } from 'react';
import { BuildProgressRow } from './console/BuildProgressRow';
import { ConsoleLines } from './console/ConsoleLines';
import { downloadConsole } from './console/downloadConsole';
import { useConsoleWindow } from './console/useConsoleWindow';
import { useLiveLineLimit } from './console/useLiveLineLimit';
import type { PanelProps } from './panels/registerPanel';
import { isScrolledToBottom } from './useStickToBottom';
import { EngineDownloadRow } from './welcome/EngineDownloadRow';
import { EngineSavingRow } from './welcome/EngineSavingRow';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Console tab: guest stdout/stderr, results, traps, timeouts and build errors, newest at
 * bottom. Only a window of lines is in the page (the newest ones while following, or a
 * page of earlier ones): a flood printing 100,000 lines lays out a few hundred per frame,
 * not all of them, and every line stays reachable by paging (or Save).
 */
export function ConsolePanel({ ctx }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const win = useConsoleWindow(ctx.console, ctx.consoleHistory, useLiveLineLimit(ref));
  const lastTop = useRef(0);
  const showGuest = ctx.guests.length > 1;
  const newest = win.lines.length ? win.lines[win.lines.length - 1]!.id : 0;
  // Following: pinned to the bottom whenever lines arrive (or on returning to live). In the
  // next animation frame, just before its own layout, not in the commit: reading
  // scrollHeight there forced a layout inside React's task (half of a flood's longest
  // Console tasks) and the frame laid out again. Nothing is painted in between.
  useLayoutEffect(() => {
    if (!win.live) return;
    const pin = () => {
      const el = ref.current;
      if (el) el.scrollTop = el.scrollHeight;
    };
    if (typeof requestAnimationFrame !== 'function') return pin();
    const frame = requestAnimationFrame(pin);
    return () => cancelAnimationFrame(frame);
  }, [win.live, newest]);
  const { live, freeze } = win;
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const up = el.scrollTop < lastTop.current;
    lastTop.current = el.scrollTop;
    // Scrolled up to read while following: stop here, or the lines read would be trimmed away.
    if (live && up && !isScrolledToBottom(el)) freeze();
  }, [live, freeze]);
  const history = ctx.consoleHistory;
  return (
    <div className="panel console-panel">
      <div className="panel-toolbar">
        <span className="muted" data-testid="console-count">
          {count(win.total)} line{win.total === 1 ? '' : 's'}
        </span>
        {history && win.total > 0 && (
          <button type="button" className="small" onClick={() => downloadConsole(history)} title="Save every line as a text file" data-testid="console-save">
            Save
          </button>
        )}
        <button type="button" className="small" onClick={ctx.clearConsole} aria-label="Clear console">
          Clear
        </button>
      </div>
      <div className={`console-body${win.live ? ' console-live' : ''}`} ref={ref} onScroll={onScroll} data-testid="console" role="log" aria-live="polite">
        {(win.before > 0 || win.dropped > 0) && (
          <div className="console-more" data-testid="console-earlier">
            <span className="muted">
              {win.before > 0 && `${count(win.before)} earlier line${win.before === 1 ? '' : 's'}`}
              {win.dropped > 0 && `${win.before > 0 ? ' · ' : ''}${count(win.dropped)} oldest dropped (more than ${count(win.total - win.dropped)} kept)`}
            </span>
            {win.before > 0 && (
              <>
                <button type="button" className="small" onClick={win.earlier}>
                  Show earlier
                </button>
                <button type="button" className="small" onClick={win.first}>
                  First line
                </button>
              </>
            )}
          </div>
        )}
        {ctx.console.length === 0 && ctx.phase === 'idle' ? (
          <div className="empty">Press Run<span className="key-hint"> (Ctrl+Enter)</span> to build and run the guest{ctx.guests.length > 1 ? 's' : ''}.</div>
        ) : (
          <ConsoleLines lines={win.lines} showGuest={showGuest} />
        )}
        {!win.live && (
          <div className="console-more" data-testid="console-later">
            <span className="muted">{win.after > 0 ? `${count(win.after)} newer line${win.after === 1 ? '' : 's'}` : 'Paused here'}</span>
            {win.after > 0 && (
              <button type="button" className="small" onClick={win.later}>
                Show later
              </button>
            )}
            <button type="button" className="small" onClick={win.follow}>
              Follow latest
            </button>
          </div>
        )}
        {ctx.buildProgress && <BuildProgressRow progress={ctx.buildProgress} showGuest={showGuest} />}
        <EngineDownloadRow building={ctx.buildProgress !== undefined} />
        <EngineSavingRow building={ctx.buildProgress !== undefined} />
      </div>
    </div>
  );
}
