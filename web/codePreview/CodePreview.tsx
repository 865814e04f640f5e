import { useMemo, useState } from 'react';
import { firstLines, sizeText } from './firstLines';
import { ShownText } from './ShownText';
import './codePreview.css';

/** Lines shown at first; "Show more" adds five times as many. */
export const PREVIEW_STEP = 400;

/** Above this many characters a source is shown as a preview, not laid out whole. */
export const LARGE_SOURCE_CHARS = 200_000;

/**
 * A read-only view of code that may be megabytes long (host code from a link or a file).
 * Laying out all of it at once, in a `<pre>` or a `<textarea>`, stalled the page for
 * seconds (and every later layout with it), so the view starts with the first
 * {@link PREVIEW_STEP} lines and grows on request. The header always says how much there
 * is, so nothing is hidden without saying so, and all of it stays reachable. Invisible and
 * direction-changing characters are shown as marked code points ({@link ShownText}).
 */
export function CodePreview({ source, testId, className = 'code-preview' }: { source: string; testId: string; className?: string }) {
  const [shown, setShown] = useState(PREVIEW_STEP);
  const view = useMemo(() => firstLines(source, shown), [source, shown]);
  const rest = view.totalLines - view.lines;
  const more = Math.min(rest, PREVIEW_STEP * 5);
  return (
    <>
      <div className="code-preview-size" data-testid={`${testId}-size`}>
        {view.totalLines.toLocaleString('en')} {view.totalLines === 1 ? 'line' : 'lines'}, {sizeText(source.length)}
        {rest > 0 && <> · showing the first {view.lines.toLocaleString('en')}</>}
      </div>
      <pre className={className} data-testid={testId} tabIndex={0}>
        <ShownText text={view.text} />
      </pre>
      {rest > 0 && (
        <div className="code-preview-more">
          <button type="button" data-testid={`${testId}-more`} onClick={() => setShown((n) => n + PREVIEW_STEP * 5)}>
            Show {more.toLocaleString('en')} more {more === 1 ? 'line' : 'lines'}
          </button>{' '}
          ({rest.toLocaleString('en')} not shown yet)
        </div>
      )}
    </>
  );
}
