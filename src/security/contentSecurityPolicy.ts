/**
 * The Content-Security-Policy of the built site, written into `dist/index.html` as a meta
 * tag by the build (vite.config.ts). A meta policy is fixed once the page has parsed it —
 * a later tag could only tighten it — so anything the page may connect to beyond its own
 * origin must be known at build time: set `WCP_CONNECT_SRC` (space-separated CSP sources,
 * e.g. `ws://127.0.0.1:4222` for one NATS server, or `ws: wss:` for a site where users pick
 * any NATS server) when building. Host code in the sandbox gets no network either way: its
 * frame adds `connect-src 'none'` on top of this policy.
 *
 * - `script-src 'self' blob: 'wasm-unsafe-eval'`: the bundle, workers' blob modules (jco
 *   bindings, sandboxed host code) and WebAssembly compilation. No `unsafe-eval`, no remote code.
 * - `style-src 'unsafe-inline'`: Monaco injects <style> elements; styles cannot run code.
 */
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
