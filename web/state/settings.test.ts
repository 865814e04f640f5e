import { describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, migrateSettings, saveSettings, SETTINGS_KEY } from './settings';

describe('migrateSettings', () => {
  it('falls back to defaults on corrupt JSON, null and non-objects', () => {
    for (const raw of ['{not json', null, undefined, 42, '[]', [1, 2], 'null']) expect(migrateSettings(raw)).toEqual(defaultSettings);
  });

  it('keeps valid v1 values and drops unknown fields', () => {
    const s = migrateSettings(JSON.stringify({ v: 1, timeLimitMs: 2500, plainEditor: true, fontSize: 16, lastExampleId: 'kv-counter', junk: 1, panes: [1, 1, 2] }));
    expect(s).toEqual({ v: 1, timeLimitMs: 2500, plainEditor: true, fontSize: 16, lastExampleId: 'kv-counter', panes: [0.25, 0.25, 0.5] });
  });

  it('clamps out-of-range numbers and replaces wrong types', () => {
    const s = migrateSettings({ v: 1, timeLimitMs: 0, fontSize: 400, plainEditor: 'yes', lastExampleId: 7, panes: [1, -1, 1] });
    expect(s.timeLimitMs).toBe(100);
    expect(s.fontSize).toBe(28);
    expect(s.plainEditor).toBe(false);
    expect(s.lastExampleId).toBeUndefined();
    expect(s.panes).toEqual(defaultSettings.panes);
  });

  it('reads the unversioned pre-release shape (timeLimit, plain)', () => {
    const s = migrateSettings({ timeLimit: '3000', plain: true });
    expect(s).toMatchObject({ v: 1, timeLimitMs: 3000, plainEditor: true, fontSize: defaultSettings.fontSize });
  });

  it('keeps understood fields of a newer version', () => {
    expect(migrateSettings({ v: 2, timeLimitMs: 9000, theme: 'light' }).timeLimitMs).toBe(9000);
  });

  it('round-trips through storage and survives a throwing storage', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    saveSettings({ ...defaultSettings, fontSize: 18 }, storage);
    expect(JSON.parse(map.get(SETTINGS_KEY) ?? '{}').v).toBe(1);
    expect(loadSettings(storage).fontSize).toBe(18);
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(loadSettings(broken)).toEqual(defaultSettings);
  });
});
