import type { TraceEvent } from '../../src/index';
import type { ConsoleLine } from './consoleTypes';

/**
 * Console lines for the messages a batch of trace events dropped: a lost message otherwise
 * shows only as a Trace row, and the console is where a room is looking.
 */
export function describeDrops(events: readonly TraceEvent[]): Omit<ConsoleLine, 'id'>[] {
  const lines: Omit<ConsoleLine, 'id'>[] = [];
  for (const e of events) {
    if (e.kind !== 'message' || e.action !== 'drop') continue;
    const why = e.fault ? `injected fault: ${e.fault}` : e.reason ? `${e.reason}; wasi:messaging has no nack, so it is not redelivered` : 'given up after its redeliveries';
    const to = e.to ? ` for ${e.to}` : '';
    lines.push({ kind: 'info', guest: e.guest, text: `⚠ message on "${e.topic}"${to} dropped (${why}); see the Trace tab` });
  }
  return lines;
}
