import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  it('connects to its own origin only, runs no remote or eval-ed code', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self' blob: 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'|https?:\/\//);
  });

  it('adds configured WebSocket addresses (a NATS server) and ignores anything else', () => {
    const csp = contentSecurityPolicy("ws://127.0.0.1:4222  wss: 'unsafe-inline' *");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:4222 wss:");
    expect(directive(csp, 'script-src')).toBe("script-src 'self' blob: 'wasm-unsafe-eval'");
  });
});
