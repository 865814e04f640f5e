import { codePointLabel, hiddenCharacterName, splitOnHidden } from '../../src/index';
import './codePreview.css';

/** A line's trailing spaces, tabs and carriage return. */
const TRAILING = /[ \t\r]+$/;
const SHOW_SPACE: Record<string, string> = { ' ': '·', '\t': '→', '\r': '␍' };

/**
 * Code text for review with what would hide in it made visible: each bidirectional control or
 * invisible character becomes a marked `⟨U+202E⟩` (so an override cannot reorder what is
 * shown), and with `trailing`, a line's trailing spaces, tabs and `\r` become `·`, `→`, `␍` (a
 * diff row that changed only there otherwise shows two identical lines).
 */
export function ShownText({ text, trailing = false }: { text: string; trailing?: boolean }) {
  const tail = trailing ? (TRAILING.exec(text)?.[0] ?? '') : '';
  const body = tail ? text.slice(0, -tail.length) : text;
  const pieces = splitOnHidden(body);
  return (
    <>
      {pieces.map((p, i) =>
        i % 2 === 0 ? (
          p
        ) : (
          <mark key={i} className="hidden-char" title={`${codePointLabel(p)} ${hiddenCharacterName(p) ?? ''}: invisible or changes the direction text is shown in`}>
            ⟨{codePointLabel(p)}⟩
          </mark>
        ),
      )}
      {tail && (
        <span className="trailing-space" title={`trailing ${describeTail(tail)}`}>
          {[...tail].map((c) => SHOW_SPACE[c]).join('')}
        </span>
      )}
    </>
  );
}

/** "2 spaces/tabs and a carriage return (CRLF line end)", for the trailing mark's title. */
function describeTail(tail: string): string {
  const crlf = tail.endsWith('\r');
  const blanks = tail.length - (crlf ? 1 : 0);
  const s = blanks === 1 ? '' : 's';
  return [blanks ? `${blanks} space${s}/tab${s}` : '', crlf ? 'a carriage return (CRLF line end)' : ''].filter(Boolean).join(' and ');
}
