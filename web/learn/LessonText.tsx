import type { ReactNode } from 'react';
import { parseLessonText } from './parseLessonText';

/**
 * The lesson text format: a small Markdown subset rendered as React elements (never as
 * HTML, so a lesson from a file or link cannot inject markup or script). Paragraphs are
 * separated by blank lines; `- ` lines are a list (parseLessonText); ``` fences code; inline
 * `code`, **bold**, *emphasis* and [links](https://…) (http/https only).
 */
export function LessonText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseLessonText(text).map((b, key) =>
        b.kind === 'code' ? (
          <pre key={key} className="lesson-code">{b.text}</pre>
        ) : b.kind === 'ul' ? (
          <ul key={key}>{b.items.map((item, k) => <li key={k}>{inline(item)}</li>)}</ul>
        ) : (
          <p key={key}>{inline(b.text)}</p>
        ),
      )}
    </div>
  );
}

const TOKEN = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

/** Inline markup of one paragraph. */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = out.length;
    if (m[1] !== undefined) out.push(<code key={key}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<em key={key}>{m[3]}</em>);
    else out.push(<a key={key} href={m[5]} target="_blank" rel="noopener noreferrer">{m[4]}</a>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
