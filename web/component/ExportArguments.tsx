import { useState } from 'react';
import type { ExportedFunction } from '../../src/index';
import { parseArgument } from './parseArgument';

interface Props {
  fn: ExportedFunction;
  /** Called with the parsed arguments when every input is valid, with undefined otherwise. */
  onChange(args: unknown[] | undefined): void;
}

/** One input per parameter of the export Run calls, typed from its WIT signature. */
export function ExportArguments({ fn, onChange }: Props) {
  const [texts, setTexts] = useState<string[]>(() => fn.params.map(() => ''));
  const parsed = fn.params.map((p, i) => parseArgument(texts[i] ?? '', p.type));
  return (
    <fieldset className="export-args" data-testid="export-args">
      <legend>
        Arguments for <code>{fn.name}</code>
      </legend>
      {fn.params.map((p, i) => {
        const r = parsed[i]!;
        return (
          <label key={p.name} className="export-arg">
            <code>
              {p.name}: {p.type}
            </code>
            <input
              type="text"
              data-testid={`export-arg-${p.name}`}
              value={texts[i] ?? ''}
              aria-invalid={'error' in r}
              onChange={(e) => {
                const next = texts.map((t, j) => (j === i ? e.target.value : t));
                setTexts(next);
                const all = fn.params.map((q, j) => parseArgument(next[j] ?? '', q.type));
                onChange(all.every((a) => 'value' in a) ? all.map((a) => (a as { value: unknown }).value) : undefined);
              }}
            />
            {'error' in r && <span className="hosts-error">expected {r.error}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
