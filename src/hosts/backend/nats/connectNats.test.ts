import { describe, expect, it } from 'vitest';
import { connectFailure } from './connectNats';

describe('a refused NATS connection', () => {
  it('asks for credentials when none were given, and says they were refused when they were', () => {
    const refused = new Error('Authorization Violation');
    expect(connectFailure('ws://room.example:4280', refused, false, false)).toBe(
      'the NATS server ws://room.example:4280 asks for credentials (Authorization Violation): type its token, or a user and password, in ⚙ → Hosts run on → Credentials (this tab only).',
    );
    expect(connectFailure('ws://room.example:4280', refused, false, true)).toBe('the NATS server ws://room.example:4280 refused the credentials: Authorization Violation');
  });
});
