/**
 * The Content-Security-Policy of the built site, written into `dist/index.html` as a meta
 * tag by the build (vite.config.ts). A meta policy is fixed once the page has parsed it —
 * a later tag could only tighten it — so anything the page may connect to beyond its own
 * origin must be known at build time. Users pick their NATS server at run time, so the
 * default build allows WebSockets (`ws: wss:`, {@link DEFAULT_CONNECT_SRC}) and nothing else
 * beyond its own origin: no fetch or XHR to other origins. A site for one known server
 * narrows it with `WCP_CONNECT_SRC` (space-separated CSP sources, e.g.
 * `wss://nats.example.org`), which replaces the default. Host code in the sandbox gets no
 * network either way: its frame adds `connect-src 'none'` on top of this policy.
 *
 * - `script-src 'self' blob: 'wasm-unsafe-eval'`: the bundle, workers' blob modules (jco
 *   bindings, sandboxed host code) and WebAssembly compilation. No `unsafe-eval`, no remote code.
 * - `style-src 'unsafe-inline'`: Monaco injects <style> elements; styles cannot run code.
 */
export const DEFAULT_CONNECT_SRC = 'ws: wss:';

export function contentSecurityPolicy(extraConnectSrc = ''): string {
  const connect = ["'self'", ...extraConnectSrc.split(/\s+/).filter((s) => s !== '' && isConnectSource(s))];
  return [
    "default-src 'self'",
    "script-src 'self' blob: 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** A WebSocket/http(s) origin or bare scheme; never a keyword that would widen script rules. */
function isConnectSource(s: string): boolean {
  return /^(wss?|https?):(\/\/[\w.-]+(:(\d+|\*))?(\/[\w./-]*)?)?$/.test(s);
}
