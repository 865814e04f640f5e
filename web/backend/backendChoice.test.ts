import { describe, expect, it } from 'vitest';
import { addressProblem, migrateChoice, toBackendConfig, withoutUserinfo } from './backendChoice';
import { withNatsServer } from './natsLink';

describe('NATS credentials stay with their server', () => {
  const mine = { kind: 'nats' as const, v: 1 as const, servers: 'ws://127.0.0.1:4280' };
  it('sends credentials to the server they were typed for', () => {
    expect(toBackendConfig(mine, { token: 's3cret', server: 'ws://127.0.0.1:4280' })).toEqual({ kind: 'nats', servers: 'ws://127.0.0.1:4280', token: 's3cret' });
  });

  it('does not send them to another server (a link switched the tab to it)', () => {
    const theirs = { ...mine, servers: 'ws://evil.example:4280' };
    expect(toBackendConfig(theirs, { token: 's3cret', user: 'me', pass: 'pw', server: 'ws://127.0.0.1:4280' })).toEqual({ kind: 'nats', servers: 'ws://evil.example:4280' });
    expect(toBackendConfig(theirs, { token: 's3cret' })).toEqual({ kind: 'nats', servers: 'ws://evil.example:4280' });
  });
});

describe('NATS addresses', () => {
  it('refuses credentials written into the address, and says where they go', () => {
    expect(addressProblem('ws://alice:pa55word@127.0.0.1:4280')).toMatch(/Credentials/);
    expect(addressProblem('ws://token@host')).toMatch(/Credentials/);
    expect(addressProblem('http://host:1')).toMatch(/WebSocket URL/);
    expect(addressProblem('ws://host with space')).toMatch(/not a WebSocket address/);
    expect(addressProblem('wss://nats.example:443/path')).toBeUndefined();
  });

  it('never puts user:pass@ in a share link or keeps it in a saved choice', () => {
    expect(withoutUserinfo('ws://alice:pw@h:1/x')).toBe('ws://h:1/x');
    expect(withNatsServer('http://p/#w1.a', 'ws://alice:pw@h:1')).toBe('http://p/?nats=ws%3A%2F%2Fh%3A1#w1.a');
    expect(migrateChoice({ kind: 'nats', servers: 'ws://alice:pw@h:1' }).servers).toBe('ws://h:1');
  });
});
