import { useState, type ReactNode } from 'react';
import type { Example } from '../src/index';
import { ExamplePicker } from './ExamplePicker';
import { SettingsMenu } from './SettingsMenu';
import { TIME_LIMIT_RANGE, type Settings } from './state/settings';
import type { RunPhase } from './useRunner';

interface Props {
  examples: Example[];
  exampleId: string;
  /** Title of what is open when it is not an example (a lesson). */
  exampleTitle?: string;
  onPickExample(id: string): void;
  /** Shown right after the example picker (the Learn entry: where newcomers start). */
  afterPicker?: ReactNode;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  phase: RunPhase;
  status: string;
  /** The status is true but hides trouble (handlers serving while their NATS server is down). */
  statusDown?: boolean;
  onRun(): void;
  onStop(): void;
  onReset(): void;
  /** More header controls from other modules (share, workspaces, presenter), before the settings menu. */
  extra?: ReactNode;
  /** Extra rows inside the ⚙ settings menu (host backend). */
  settingsExtra?: ReactNode;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const RUN_SHORTCUT = isMac ? '⌘↵' : 'Ctrl+↵';

/** Top bar: title, example picker, Run/Stop, settings and the run status. */
export function Header({ examples, exampleId, exampleTitle, onPickExample, afterPicker, settings, onSettings, phase, status, statusDown, onRun, onStop, onReset, extra, settingsExtra }: Props) {
  const busy = phase === 'building' || phase === 'running';
  // On a phone (≤ 700 px) the header is sticky, and its buttons wrapped to four rows: 45% of
  // the screen stayed covered. There, everything but the picker and Run/Stop sits behind ⋯.
  const [moreOpen, setMoreOpen] = useState(false);
  return (
    <header className="app-header">
      <h1 className="app-title">WASI Cloud Playground</h1>
      <ExamplePicker examples={examples} value={exampleId} openTitle={exampleTitle} onChange={onPickExample} />
      {afterPicker}
      <button type="button" className="primary" data-testid="run" onClick={onRun} aria-label={`Run (${isMac ? 'Command' : 'Control'}+Enter)`} aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}>
        {phase === 'building' ? 'Building…' : busy ? 'Re-run' : 'Run'} <kbd>{RUN_SHORTCUT}</kbd>
      </button>
      <button type="button" data-testid="stop" onClick={onStop} disabled={phase === 'idle'} aria-label="Stop running guests">
        Stop
      </button>
      <button type="button" className="header-more-toggle" data-testid="header-more" aria-expanded={moreOpen} aria-controls="header-more" onClick={() => setMoreOpen((open) => !open)}>
        ⋯ <span>{moreOpen ? 'Less' : 'More'}</span>
      </button>
      <div className="header-more" id="header-more" data-open={moreOpen}>
        <button type="button" onClick={onReset} aria-label="Reset sources to the example's original" title="Discard your edits to this example">
          Reset
        </button>
        <label className="setting" title="A single guest call running longer than this is stopped">
          Limit
          <input
            type="number"
            min={TIME_LIMIT_RANGE.min}
            max={TIME_LIMIT_RANGE.max}
            step={500}
            value={settings.timeLimitMs}
            aria-label="Time limit in milliseconds"
            data-testid="time-limit"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n) && n >= TIME_LIMIT_RANGE.min && n <= TIME_LIMIT_RANGE.max) onSettings({ timeLimitMs: n });
            }}
          />
          ms
        </label>
        {extra}
        <SettingsMenu settings={settings} onSettings={onSettings}>{settingsExtra}</SettingsMenu>
      </div>
      <span className={`status status-${phase}${statusDown ? ' status-down' : ''}`} data-testid="status" role="status" aria-live="polite">
        {status}
      </span>
    </header>
  );
}
