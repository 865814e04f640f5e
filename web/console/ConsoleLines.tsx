import { memo } from 'react';
import type { ConsoleLine } from './consoleTypes';

const ICON: Record<ConsoleLine['kind'], string> = {
  stdout: ' ',
  stderr: '!',
  result: '→',
  trap: '✖',
  // ◷, not ⏱: the stopwatch is an emoji, an empty box where no emoji font is installed.
  timeout: '◷',
  info: '·',
  error: '✖',
};

// Memoised: a flood appends lines every frame. Lines never change once appended.
const Line = memo(function Line({ line, showGuest }: { line: ConsoleLine; showGuest: boolean }) {
  return (
    <div className={`console-line console-${line.kind}`} data-testid="console-line" data-kind={line.kind} data-line={line.id}>
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

/** Lines per chunk: a flood re-renders the last chunk or two, not every shown line. */
const CHUNK = 100;

/**
 * A run of up to CHUNK consecutive lines. Lines never change once appended and ids only grow,
 * so a chunk with the same first and last line (and length) is the same chunk: React compares
 * a few chunks per append instead of every line, and paging reuses the chunks both windows
 * share (which also lets scroll anchoring keep the line being read in place).
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
export function chunksOf(lines: readonly ConsoleLine[]): { key: number; lines: readonly ConsoleLine[] }[] {
  const out: { key: number; lines: readonly ConsoleLine[] }[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || Math.floor(lines[i]!.id / CHUNK) !== Math.floor(lines[start]!.id / CHUNK)) {
      out.push({ key: Math.floor(lines[start]!.id / CHUNK), lines: lines.slice(start, i) });
      start = i;
    }
  }
  return out;
}

/** The console's lines, in memoised chunks (every shown line in the DOM, so its text reads in full). */
export function ConsoleLines({ lines, showGuest }: { lines: readonly ConsoleLine[]; showGuest: boolean }) {
  return (
    <>
      {chunksOf(lines).map((c) => (
        <Chunk key={c.key} lines={c.lines} showGuest={showGuest} />
      ))}
    </>
  );
}
