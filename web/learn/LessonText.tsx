import type { ReactNode } from 'react';

/**
 * The lesson text format: a small Markdown subset rendered as React elements (never as
 * HTML, so a lesson from a file or link cannot inject markup or script). Paragraphs are
 * separated by blank lines; `- ` starts a list item; ``` fences a code block; inline
 * `code`, **bold**, *emphasis* and [links](https://…) (http/https only).
 */
export function LessonText({ text, className }: { text: string; className?: string }) {
  const blocks: ReactNode[] = [];
  let para: string[] = [];
  let code: string[] | undefined;
  const flush = () => {
    const lines = para.filter((l) => l.trim());
    para = [];
    if (lines.length === 0) return;
    const key = blocks.length;
    if (lines.every((l) => /^\s*- /.test(l))) blocks.push(<ul key={key}>{lines.map((l, k) => <li key={k}>{inline(l.replace(/^\s*- /, ''))}</li>)}</ul>);
    else blocks.push(<p key={key}>{inline(lines.join(' '))}</p>);
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^```/.test(line)) {
      if (code) {
        blocks.push(<pre key={blocks.length} className="lesson-code">{code.join('\n')}</pre>);
        code = undefined;
      } else {
        flush();
        code = [];
      }
    } else if (code) code.push(line);
    else if (!line.trim()) flush();
    else para.push(line);
  }
  if (code) blocks.push(<pre key={blocks.length} className="lesson-code">{code.join('\n')}</pre>);
  flush();
  return <div className={className}>{blocks}</div>;
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
