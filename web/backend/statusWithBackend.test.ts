import { describe, expect, it } from 'vitest';
import { statusWithBackend } from './statusWithBackend';

describe('statusWithBackend', () => {
  it('says serving handlers hear nothing while the NATS server is unreachable', () => {
    const s = statusWithBackend('ran in 21 ms · 1 serving', 'serving', { state: 'disconnected', detail: 'closed' });
    expect(s.down).toBe(true);
    expect(s.text).toBe('NATS server unreachable: handlers hear nothing until it is back · ran in 21 ms · 1 serving');
  });

  it('leaves the status alone when connected, on the browser backend, or when nothing serves', () => {
    expect(statusWithBackend('ran · 1 serving', 'serving', { state: 'connected', server: 'ws://x', jetstream: true })).toEqual({ text: 'ran · 1 serving', down: false });
    expect(statusWithBackend('ran · 1 serving', 'serving', undefined)).toEqual({ text: 'ran · 1 serving', down: false });
    expect(statusWithBackend('ran in 3 ms', 'idle', { state: 'failed', detail: 'x' })).toEqual({ text: 'ran in 3 ms', down: false });
  });
});
