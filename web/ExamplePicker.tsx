import type { Example } from '../src/index';

export const SCRATCH_ID = 'scratch';

interface Props {
  examples: Example[];
  value: string;
  /** What is open when it is not one of the examples (a lesson): shown as the picker's value. */
  openTitle?: string;
  onChange(id: string): void;
}

/** Picker groups in order: a start for newcomers, then one per interface, then the proposals. */
const GROUPS: { label: string; test(ex: Example): boolean }[] = [
  { label: 'Start here: JavaScript & TypeScript', test: (ex) => ex.tags.includes('javascript') || ex.tags.includes('typescript') },
  { label: 'wasi:keyvalue', test: (ex) => ex.tags[0] === 'keyvalue' && !ex.tags.includes('proposal') },
  { label: 'wasi:messaging', test: (ex) => ex.tags[0] === 'messaging' && !ex.tags.includes('proposal') },
  { label: 'wasi:blobstore', test: (ex) => ex.tags[0] === 'blobstore' && !ex.tags.includes('proposal') },
  { label: 'Proposals (2022 debates)', test: (ex) => ex.tags.includes('proposal') },
];

/** Each example in the first group it fits (so it appears exactly once); leftovers under "other". */
export function groupExamples(examples: Example[]): [string, Example[]][] {
  const groups = new Map<string, Example[]>(GROUPS.map((g) => [g.label, []]));
  for (const ex of examples) {
    const label = GROUPS.find((g) => g.test(ex))?.label ?? 'other';
    groups.set(label, [...(groups.get(label) ?? []), ex]);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}

/** Example `<select>` with one `<optgroup>` per tag, plus a blank scratch workspace. */
export function ExamplePicker({ examples, value, openTitle, onChange }: Props) {
  // A value no option has would show the first option (Scratch) as if it were open.
  const other = value !== SCRATCH_ID && !examples.some((ex) => ex.id === value);
  return (
    <label className="picker">
      <span className="visually-hidden">Example</span>
      <select data-testid="example-picker" aria-label="Example" value={value} onChange={(e) => onChange(e.target.value)}>
        {other && (
          <option value={value} disabled>
            {openTitle ?? value}
          </option>
        )}
        <option value={SCRATCH_ID}>Scratch (blank WAT guest)</option>
        {examples.length === 0 && (
          <option value="" disabled>
            No examples available yet
          </option>
        )}
        {groupExamples(examples).map(([tag, list]) => (
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
