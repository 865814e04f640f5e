import type { CSSProperties } from 'react';
import { ShownText } from '../codePreview/ShownText';
import type { ShippedComparison } from './compareWithShipped';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const SAID = { same: 'unchanged', added: 'added', removed: 'removed' } as const;

/**
 * The changed lines of host code against the example's shipped host, with line numbers on
 * both sides and a few unchanged lines around each change. Long lines wrap instead of
 * running off a phone's screen; unchanged stretches are named, not hidden silently. A changed
 * line's trailing spaces and CRLF end are drawn, so a change made only there can be seen.
 */
export function HostCodeDiff({ comparison, onShowWhole }: { comparison: ShippedComparison; onShowWhole?: () => void }) {
  const { hunks, skippedAfter, changesNotShown } = comparison;
  const last = hunks.at(-1)?.rows.at(-1);
  const digits = String(Math.max(last?.oldNo ?? 0, last?.newNo ?? 0) + skippedAfter).length;
  return (
    <div className="trust-diff" data-testid="trust-diff" tabIndex={0} aria-label="Changes against the example's host code" style={{ '--digits': `${digits}ch` } as CSSProperties}>
      {hunks.map((hunk, h) => (
        <div key={h} className="trust-diff-hunk">
          {hunk.skippedBefore > 0 && <Skipped count={hunk.skippedBefore} />}
          {hunk.rows.map((row, i) => (
            <div key={i} className={`trust-diff-row trust-diff-${row.kind}`} data-kind={row.kind} title={`${SAID[row.kind]} line ${row.newNo ?? row.oldNo}`}>
              <span className="trust-diff-no">{row.oldNo ?? ''}</span>
              <span className="trust-diff-no">{row.newNo ?? ''}</span>
              <span className="trust-diff-mark" aria-label={SAID[row.kind]}>{MARK[row.kind]}</span>
              <code className="trust-diff-text">{row.text === '' ? '\u200b' : <ShownText text={row.text} trailing={row.kind !== 'same'} />}</code>
            </div>
          ))}
        </div>
      ))}
      {skippedAfter > 0 && <Skipped count={skippedAfter} />}
      {changesNotShown > 0 && (
        <div className="trust-diff-skipped" data-testid="trust-diff-more">
          … and {changesNotShown.toLocaleString('en')} more changed {changesNotShown === 1 ? 'line' : 'lines'} not listed here
          {onShowWhole && <>: <button type="button" className="trust-link" onClick={onShowWhole}>show the whole file</button></>}
        </div>
      )}
    </div>
  );
}

function Skipped({ count }: { count: number }) {
  return <div className="trust-diff-skipped">⋯ {count.toLocaleString('en')} unchanged {count === 1 ? 'line' : 'lines'}</div>;
}
