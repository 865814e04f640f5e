import { useLayoutEffect, useRef, useState } from 'react';
import { useResizeEffect } from './useResizeEffect';

/**
 * The example's title and paragraph under the header. Two lines by default, so the editors
 * keep their room; "more" unfolds the rest (the long examples explain what to look for).
 */
export function ExampleDescription({ title, text }: { title: string; text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => setOpen(false), [text]);
  // Re-measured for a new example and when the line length changes.
  useResizeEffect(ref, (el) => setClipped(el.scrollHeight > el.clientHeight + 1), [text]);
  return (
    <div className={`example-description-wrap${open ? ' open' : ''}`}>
      <p ref={ref} className="example-description" data-testid="example-description">
        <strong>{title}.</strong> {text}
      </p>
      {(clipped || open) && (
        <button type="button" className="small example-description-toggle" data-testid="description-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'less' : 'more'}
        </button>
      )}
    </div>
  );
}
