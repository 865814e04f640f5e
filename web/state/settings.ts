/**
 * User settings, persisted in localStorage as `{ v: 1, ... }`. Reading always goes
 * through {@link migrateSettings} so an old, hand-edited or corrupt value never breaks
 * the app: unknown fields are dropped and bad values fall back to defaults.
 */
export interface Settings {
  v: 1;
  /** Watchdog limit for one guest call, in ms. */
  timeLimitMs: number;
  /** Force the plain `<textarea>` editor instead of Monaco. */
  plainEditor: boolean;
  /** Example shown on the next visit; undefined = first example. */
  lastExampleId?: string;
  /** Named workspace (IndexedDB record id) open on the last visit; wins over lastExampleId. */
  lastWorkspaceId?: string;
  /** Editor font size in px. */
  fontSize: number;
  /** Widths of the WIT, guest and output panes as fractions of the row (sum 1). */
  panes: [number, number, number];
}

export const SETTINGS_KEY = 'wcp:settings';

export const defaultSettings: Settings = { v: 1, timeLimitMs: 5000, plainEditor: false, fontSize: 13, panes: [0.27, 0.35, 0.38] };

/** Allowed ranges; values outside are clamped, so the UI can't be talked into a 0 ms limit. */
export const TIME_LIMIT_RANGE = { min: 100, max: 120_000 } as const;
export const FONT_SIZE_RANGE = { min: 9, max: 28 } as const;

const clamp = (n: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, Math.round(n)));

function numberOr(value: unknown, fallback: number, range: { min: number; max: number }): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? clamp(n, range) : fallback;
}

function panesOr(value: unknown): Settings['panes'] {
  if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0)) return [...defaultSettings.panes];
  const sum = value[0] + value[1] + value[2];
  const panes = value.map((n: number) => n / sum) as Settings['panes'];
  // A pane below 5% is unreachable for dragging; treat as corrupt.
  return panes.every((n) => n >= 0.05) ? panes : [...defaultSettings.panes];
}

/**
 * Turns whatever was stored (JSON text, a parsed object of any version, or garbage)
 * into valid current settings. Unversioned shapes are the pre-release format that used
 * `timeLimit` (ms) and `plain` — accepted so early testers keep their choices.
 */
export function migrateSettings(raw: unknown): Settings {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return migrateSettings(undefined);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...defaultSettings, panes: [...defaultSettings.panes] };
  const o = value as Record<string, unknown>;
  // A newer version (v > 1) is read field by field too: keep what we understand rather than resetting.
  const legacy = o.v === undefined;
  const lastExampleId = typeof o.lastExampleId === 'string' && o.lastExampleId ? o.lastExampleId : undefined;
  const lastWorkspaceId = typeof o.lastWorkspaceId === 'string' && o.lastWorkspaceId ? o.lastWorkspaceId : undefined;
  return {
    v: 1,
    timeLimitMs: numberOr(legacy && o.timeLimitMs === undefined ? o.timeLimit : o.timeLimitMs, defaultSettings.timeLimitMs, TIME_LIMIT_RANGE),
    plainEditor: typeof o.plainEditor === 'boolean' ? o.plainEditor : legacy && typeof o.plain === 'boolean' ? o.plain : defaultSettings.plainEditor,
    fontSize: numberOr(o.fontSize, defaultSettings.fontSize, FONT_SIZE_RANGE),
    panes: panesOr(o.panes),
    ...(lastExampleId ? { lastExampleId } : {}),
    ...(lastWorkspaceId ? { lastWorkspaceId } : {}),
  };
}

/** Reads settings; storage errors (private mode, quota) mean defaults, never a crash. */
/**
 * `localStorage`, or undefined where merely reading the property throws (a sandboxed or
 * storage-blocked iframe, e.g. an embedded view), so callers degrade instead of crashing.
 */
export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): Settings {
  try {
    return migrateSettings(storage?.getItem(SETTINGS_KEY) ?? null);
  } catch {
    return migrateSettings(undefined);
  }
}

export function saveSettings(settings: Settings, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: settings just don't persist this session.
  }
}
