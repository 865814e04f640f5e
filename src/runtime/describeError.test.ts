import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../hosts/hostContract';
import { describeError } from './describeError';

describe('describeError', () => {
  it('shows a backend out of reach as its message alone, with no stack', () => {
    const d = describeError(new BackendUnavailableError('cannot connect to the NATS server ws://room.example:8080 (timeout).'));
    expect(d).toEqual({ message: 'cannot connect to the NATS server ws://room.example:8080 (timeout).' });
  });

  it('keeps the name and stack of other errors, and says what a trap is', () => {
    const d = describeError(new TypeError('x is not a function'));
    expect(d.message).toBe('TypeError: x is not a function');
    expect(d.stack).toContain('x is not a function');
    expect(describeError(new WebAssembly.RuntimeError('unreachable')).message).toBe('guest trapped: unreachable');
  });
});
