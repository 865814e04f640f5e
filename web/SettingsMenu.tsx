import { useLayoutEffect, type ReactNode } from 'react';
import { FONT_SIZE_RANGE, type Settings } from './state/settings';
import { placePopover } from './share/placePopover';
import { useDismissable } from './share/useDismissable';

interface Props {
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  /** More settings from other modules (the host backend choice), after the editor ones. */
  children?: ReactNode;
}

/**
 * Less-used settings behind a ⚙ disclosure so the header keeps room for the status at
 * 1280 px. A native <details> needs no focus management and closes with a second click.
 */
export function SettingsMenu({ settings, onSettings, children }: Props) {
  // Closes on a click elsewhere or Escape, like a menu.
  const ref = useDismissable();
  // Placed again after every render while open: a choice made inside it can move the ⚙ itself
  // (picking a NATS server turns the header's "Hosts: browser" into a longer badge, which
  // pushed ⚙ to the right), and a popover placed only when it opened then ran off the window.
  useLayoutEffect(() => {
    if (ref.current?.open) placePopover(ref.current);
  });
  return (
    <details className="settings-menu" ref={ref} onToggle={(e) => e.currentTarget.open && placePopover(e.currentTarget)}>
      <summary aria-label="Editor settings" title="Editor settings" data-testid="settings">
        ⚙
      </summary>
      <div className="settings-popover" data-popover>
        <label className="setting">
          <input type="checkbox" checked={settings.plainEditor} onChange={(e) => onSettings({ plainEditor: e.target.checked })} data-testid="plain-editor" />
          Plain editor (no Monaco)
        </label>
        <label className="setting">
          Font size
          <input
            type="number"
            min={FONT_SIZE_RANGE.min}
            max={FONT_SIZE_RANGE.max}
            value={settings.fontSize}
            aria-label="Editor font size"
            data-testid="font-size"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (n >= FONT_SIZE_RANGE.min && n <= FONT_SIZE_RANGE.max) onSettings({ fontSize: n });
            }}
          />
          px
        </label>
        {children}
      </div>
    </details>
  );
}
