import type { RunRecord } from './runRecord';

/** How long a check script may run before it is abandoned. */
const SCRIPT_TIMEOUT_MS = 3000;

/**
 * Page inside the sandbox. The script runs in a Worker started from the iframe, so a
 * script that loops forever is terminated instead of freezing the playground's tab.
 */
const SANDBOX_PAGE = `<!doctype html><meta charset="utf-8"><script>
const worker = new Worker(URL.createObjectURL(new Blob([
  "onmessage = (e) => { try { const f = new Function('run', e.data.script); const out = f(e.data.run); postMessage({ ok: true, out: out === undefined || out === null ? [] : [].concat(out).map(String) }); } catch (err) { postMessage({ ok: false, error: String(err && err.message || err) }); } };"
], { type: 'text/javascript' })));
onmessage = (e) => { worker.onmessage = (r) => parent.postMessage({ token: e.data.token, ...r.data }, '*'); worker.postMessage(e.data); };
parent.postMessage({ ready: true }, '*');
</script>`;

/**
 * Runs a lesson's function check (`check.script`, the body of `function (run) { … }`).
 * The code comes from a lesson file or link, i.e. from someone other than the learner, so
 * it runs in an iframe with `sandbox="allow-scripts"` (an opaque origin: no access to the
 * playground's IndexedDB, storage or DOM) and gets only the RunRecord as JSON. Resolves with
 * the problems it reported; a script that throws or takes too long is a problem of the lesson.
 */
export function runCheckScript(script: string, run: RunRecord): Promise<string[]> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.style.display = 'none';
    frame.srcdoc = SANDBOX_PAGE;
    const token = Math.random().toString(36).slice(2);
    const finish = (problems: string[]) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(problems);
    };
    const timer = setTimeout(() => finish([`the lesson's check script did not answer within ${SCRIPT_TIMEOUT_MS} ms`]), SCRIPT_TIMEOUT_MS);
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow) return;
      const data = e.data as { ready?: boolean; token?: string; ok?: boolean; out?: unknown; error?: string };
      if (data.ready) {
        frame.contentWindow?.postMessage({ token, script, run: JSON.parse(JSON.stringify(run, bytesAsText)) }, '*');
        return;
      }
      if (data.token !== token) return;
      if (!data.ok) return finish([`the lesson's check script failed: ${data.error ?? 'unknown error'}`]);
      finish(Array.isArray(data.out) ? data.out.map(String) : []);
    };
    window.addEventListener('message', onMessage);
    document.body.appendChild(frame);
  });
}

/** Trace payloads are bytes; the script sees them as text. */
function bytesAsText(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
}
