import { useEffect, useState } from 'react';
import { parseConfigList } from './parseConfigList';

interface Props {
  label: string;
  values: readonly string[];
  validate(entry: string): string | undefined;
  /** Called with the full list whenever the text is valid; invalid text is kept as a draft. */
  onChange?(values: string[]): void;
  placeholder: string;
  testId: string;
}

/**
 * One-entry-per-line editor. Only a fully valid list is applied (so the next Run never
 * gets a half-typed pattern); while invalid the errors show and the last valid list stays.
 */
export function ListEditor({ label, values, validate, onChange, placeholder, testId }: Props) {
  const joined = values.join('\n');
  const [draft, setDraft] = useState(joined);
  // A change from outside (another example, reset) replaces the draft unless it already says the same.
  useEffect(() => {
    setDraft((d) => (parseConfigList(d, validate).values.join('\n') === joined ? d : joined));
  }, [joined, validate]);
  const parsed = parseConfigList(draft, validate);
  const applied = parsed.errors.length === 0;
  return (
    <label className="hosts-field">
      <span className="hosts-field-label">
        {label}
        {!applied && <span className="hosts-unapplied"> · not applied</span>}
      </span>
      <textarea
        className={applied ? '' : 'invalid'}
        data-testid={testId}
        rows={Math.min(6, Math.max(2, draft.split('\n').length))}
        spellCheck={false}
        placeholder={placeholder}
        value={draft}
        readOnly={!onChange}
        aria-invalid={!applied}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = parseConfigList(e.target.value, validate);
          if (next.errors.length === 0 && next.values.join('\n') !== joined) onChange?.(next.values);
        }}
      />
      {parsed.errors.map((err) => (
        <span key={err.line} className="hosts-error" data-testid={`${testId}-error`}>
          line {err.line}: {err.message}
        </span>
      ))}
    </label>
  );
}
