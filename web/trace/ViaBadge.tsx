import { formatMs } from './describeTraceEvent';

/**
 * "via NATS · 19 ms" before a delivered message's payload in the Trace and the Diagram's
 * selection: the broker it came through and its delay (the sender's CloudEvents time to
 * receipt here). The delay part hides where the Trace has its own ms column (styles.css).
 */
export function ViaBadge({ via, ms }: { via: string; ms: number | undefined }) {
  return (
    <span className="badge badge-via" data-testid="via-badge" title={`Came ${via}${ms === undefined ? '' : `, ${formatMs(ms)} after the sender stamped it (clocks of two machines may differ)`}`}>
      {via}
      {ms !== undefined && <span className="via-ms"> · {formatMs(ms)}</span>}
    </span>
  );
}
