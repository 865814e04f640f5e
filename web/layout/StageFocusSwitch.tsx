import type { StageFocus, StageLayout } from './useStageFocus';
import './layout.css';

const CHOICES: [StageFocus, string, string][] = [
  ['wit', 'WIT', 'Show the WIT editor large, beside the output'],
  ['guest', 'Guest', 'Show the guest editor large, beside the output'],
  ['output', 'Output', 'Show the output large'],
];

/** Segmented control of presenter mode: which pane is large. */
export function StageFocusSwitch({ layout }: { layout: StageLayout }) {
  if (!layout.focus) return null;
  return (
    <div className="stage-focus" role="group" aria-label="Large pane" data-testid="stage-focus">
      {CHOICES.map(([id, label, title]) => (
        <button key={id} type="button" aria-pressed={layout.focus === id} className={layout.focus === id ? 'active' : undefined} data-testid={`stage-focus-${id}`} title={title} onClick={() => layout.setFocus(id)}>
          {label}
        </button>
      ))}
    </div>
  );
}
