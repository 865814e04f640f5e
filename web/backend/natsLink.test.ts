import { describe, expect, it } from 'vitest';
import { natsServerOfLink, withNatsServer } from './natsLink';

describe('NATS server in share links', () => {
  it('adds the address before the hash and reads it back', () => {
    const url = withNatsServer('http://localhost:5173/#w1.abc', 'wss://nats.example:443');
    expect(url).toBe('http://localhost:5173/?nats=wss%3A%2F%2Fnats.example%3A443#w1.abc');
    expect(natsServerOfLink(new URL(url).search)).toBe('wss://nats.example:443');
    expect(withNatsServer('http://h/?embed#w1.x', 'ws://127.0.0.1:4280')).toBe('http://h/?embed&nats=ws%3A%2F%2F127.0.0.1%3A4280#w1.x');
  });

  it('ignores addresses that are not WebSocket URLs or carry credentials', () => {
    expect(natsServerOfLink('?nats=http%3A%2F%2Fx')).toBeUndefined();
    expect(natsServerOfLink('?nats=ws%3A%2F%2Fuser%3Apw%40host%3A1')).toBeUndefined();
    expect(natsServerOfLink('')).toBeUndefined();
  });
});
