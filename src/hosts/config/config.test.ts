import { describe, expect, it } from 'vitest';
import { defaultHostConfig } from '../hostContract';
import { configHosts } from './index';

describe('wasi:config host', () => {
  it('serves both shipped versions from the guest’s values', async () => {
    expect(configHosts.map((h) => h.id)).toEqual(['wasi:config@0.2.0-draft', 'wasi:config@0.2.0-rc.1']);
    for (const host of configHosts) {
      const ctx = { config: { ...defaultHostConfig, config: [['greeting', 'hello'], ['mode', 'a=b'], ['greeting', 'hi']] as [string, string][] }, emit: () => {}, log: () => {} };
      const { store } = (await host.create(ctx)) as { store: { get(k: string): string | undefined; getAll(): [string, string][] } };
      expect(store.get('greeting')).toBe('hi');
      expect(store.get('mode')).toBe('a=b');
      expect(store.get('missing')).toBeUndefined();
      expect(store.getAll()).toHaveLength(3);
    }
  });

  it('has no values when none are set', async () => {
    const { store } = (await configHosts[0]!.create({ config: defaultHostConfig, emit: () => {}, log: () => {} })) as { store: { getAll(): unknown[] } };
    expect(store.getAll()).toEqual([]);
  });
});
