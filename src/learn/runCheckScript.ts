import { leaseHostSandbox } from '../runtime/hostSandbox/openHostSandbox';
import type { RunRecord } from './runRecord';

/**
 * How long a check script may take, from the request until its answer (the sandbox frame is
 * usually warm by then; its first start on a busy machine is part of the budget).
 */
const SCRIPT_TIMEOUT_MS = 5000;

/**
 * The worker source: the lesson's script becomes the body of `check(run)` in the worker's
 * own source, because the sandbox (like the page) forbids `eval`/`new Function`. A script
 * that breaks out of the function body only breaks its own sandboxed worker.
 */
function workerSource(script: string): string {
  return `const check = function (run) {\n${script}\n};
self.onmessage = (e) => {
  const port = e.ports[0];
  if (!port) return;
  port.onmessage = (m) => {
    try {
      const out = check(m.data.run);
      port.postMessage({ ok: true, out: out === undefined || out === null ? [] : [].concat(out).map(String) });
    } catch (err) {
      port.postMessage({ ok: false, error: String((err && err.message) || err) });
    }
  };
};`;
}

/**
 * Runs a lesson's function check (`check.script`, the body of `function (run) { … }`).
 * The code comes from a lesson file or link, i.e. from someone other than the learner, so
 * it runs where custom host code runs: a worker inside the `sandbox="allow-scripts"` frame
 * (an opaque origin with no network: no access to the playground's IndexedDB, storage or
 * DOM), and gets only the RunRecord as JSON. Resolves with the problems it reported; a
 * script that throws, fails to load or takes too long is a problem of the lesson.
 */
export function runCheckScript(script: string, run: RunRecord): Promise<string[]> {
  const lease = leaseHostSandbox(workerSource(script));
  return new Promise((resolve) => {
    const finish = (problems: string[]) => {
      clearTimeout(timer);
      lease.kill();
      resolve(problems);
    };
    const timer = setTimeout(() => finish([`the lesson's check script did not answer within ${SCRIPT_TIMEOUT_MS} ms`]), SCRIPT_TIMEOUT_MS);
    lease.port.onmessage = (e: MessageEvent) => {
      const data = e.data as { type?: string; message?: string; ok?: boolean; out?: unknown; error?: string } | null;
      if (data?.type === 'loadFailed') return finish([`the lesson's check script failed to load: ${data.message ?? 'unknown error'}`]);
      if (!data?.ok) return finish([`the lesson's check script failed: ${data?.error ?? 'unknown error'}`]);
      finish(Array.isArray(data.out) ? data.out.map(String) : []);
    };
    lease.port.postMessage({ run: JSON.parse(JSON.stringify(run, bytesAsText)) });
  });
}

/** Trace payloads are bytes; the script sees them as text. */
function bytesAsText(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
}
