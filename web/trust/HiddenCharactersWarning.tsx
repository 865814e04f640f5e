import type { HiddenCharacter } from '../../src/index';

/**
 * Said before any code in the trust prompt when the host code holds invisible or
 * direction-changing characters: a right-to-left override can make a reviewed line read
 * as a comment while it runs as code (Trojan Source). The code below shows each one as a
 * marked `⟨U+202E⟩`; this says how many there are and where the first of each kind is.
 */
export function HiddenCharactersWarning({ found }: { found: HiddenCharacter[] }) {
  const total = found.reduce((n, f) => n + f.count, 0);
  return (
    <p className="trust-hidden" role="alert" data-testid="trust-hidden-chars">
      ⚠ This code holds {total === 1 ? 'a character' : `${total.toLocaleString('en')} characters`} you cannot see or that change the
      direction text is shown in. They can make code read differently from what runs; below each is shown as ⟨U+…⟩:{' '}
      {found.map((f, i) => (
        <span key={f.code}>
          {i > 0 && '; '}
          <code>{f.code}</code> {f.name.toLowerCase()}
          {f.count > 1 ? ` ×${f.count.toLocaleString('en')}` : ''} (first on line {f.firstLine.toLocaleString('en')})
        </span>
      ))}
      .
    </p>
  );
}
