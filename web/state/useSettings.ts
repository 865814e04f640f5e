import { useCallback, useEffect, useRef, useState } from 'react';
import { saveSettings, type Settings } from './settings';

/** The app's settings and how they change. */
export interface SettingsState {
  settings: Settings;
  /** A change the user made (header, menus, panes): kept for their next visit. */
  onSettings(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): void;
  /** The time limit a shared or imported workspace brings: for this page only. */
  applyWorkspaceLimit(timeLimitMs: number): void;
}

/**
 * Settings, saved on every change except in embeds (which never touch the visitor's
 * settings). A link's or file's time limit applies while the page is open but is not
 * saved: a stranger's link must not change the limit the user's own runs get later
 * (a long one would let a looping guest run up to two minutes on every visit).
 */
export function useSettings(initial: Settings, own: Settings, embed: boolean): SettingsState {
  const [settings, setSettings] = useState<Settings>(initial);
  // The limit the user chose themselves, which is what is saved.
  const ownLimit = useRef(own.timeLimitMs);
  useEffect(() => void (embed || saveSettings({ ...settings, timeLimitMs: ownLimit.current })), [settings, embed]);
  const onSettings = useCallback((change: Partial<Settings> | ((s: Settings) => Partial<Settings>)) => {
    setSettings((s) => {
      const patch = typeof change === 'function' ? change(s) : change;
      if (patch.timeLimitMs !== undefined) ownLimit.current = patch.timeLimitMs;
      return { ...s, ...patch };
    });
  }, []);
  const applyWorkspaceLimit = useCallback((timeLimitMs: number) => setSettings((s) => ({ ...s, timeLimitMs })), []);
  return { settings, onSettings, applyWorkspaceLimit };
}
