import type { Example } from '../src/index';

export const SCRATCH_ID = 'scratch';

interface Props {
  examples: Example[];
  value: string;
  onChange(id: string): void;
}

/** Groups by each example's first tag, so every example appears exactly once. */
function groupByTag(examples: Example[]): [string, Example[]][] {
  const groups = new Map<string, Example[]>();
  for (const ex of examples) {
    const tag = ex.tags[0] ?? 'other';
    groups.set(tag, [...(groups.get(tag) ?? []), ex]);
  }
  return [...groups];
}

/** Example `<select>` with one `<optgroup>` per tag, plus a blank scratch workspace. */
export function ExamplePicker({ examples, value, onChange }: Props) {
  return (
    <label className="picker">
      <span className="visually-hidden">Example</span>
      <select data-testid="example-picker" aria-label="Example" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={SCRATCH_ID}>Scratch (blank WAT guest)</option>
        {examples.length === 0 && (
          <option value="" disabled>
            No examples available yet
          </option>
        )}
        {groupByTag(examples).map(([tag, list]) => (
          <optgroup key={tag} label={tag}>
            {list.map((ex) => (
              <option key={ex.id} value={ex.id} title={ex.description}>
                {ex.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
