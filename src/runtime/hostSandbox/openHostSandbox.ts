// `no-inline`: a data: URL would not pass the frame's CSP, which names this one script.
import frameScriptUrl from './hostSandboxFrame.js?url&no-inline';
import type { ToSandbox } from './sandboxProtocol';
import { sandboxWorkerSource } from './sandboxWorkerMain';

/**
 * The sandbox iframe: one hidden `sandbox="allow-scripts"` srcdoc frame per page, created
 * on first use. Without `allow-same-origin` its origin is opaque, so nothing in it can open
 * the playground's IndexedDB, read localStorage or join its BroadcastChannels. Its own CSP
 * (on top of the page's, which a srcdoc frame inherits) allows only its bootstrap script
 * and blob workers, and no network at all — `connect-src 'none'` also keeps host code away
 * from a NATS server the page itself may be allowed to reach.
 */
const FRAME_SCRIPT = new URL(frameScriptUrl, import.meta.url).href;
const FRAME_CSP = `default-src 'none'; script-src ${FRAME_SCRIPT} blob:; worker-src blob:; connect-src 'none'`;
const READY_TIMEOUT_MS = 15_000;

let frame: Promise<Window> | undefined;
let nextId = 1;

function openFrame(): Promise<Window> {
  frame ??= new Promise<Window>((resolve, reject) => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'host code sandbox';
    iframe.dataset.testid = 'host-sandbox';
    iframe.style.display = 'none';
    iframe.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script src="${FRAME_SCRIPT}"></script>`;
    const timer = setTimeout(() => fail(new Error('the host-code sandbox did not start (is the site served with its hostSandboxFrame script?)')), READY_TIMEOUT_MS);
    const onMessage = (ev: MessageEvent) => {
      if (ev.source !== iframe.contentWindow || (ev.data as { type?: unknown } | null)?.type !== 'wcp-sandbox-ready') return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(iframe.contentWindow!);
    };
    const fail = (e: Error) => {
      window.removeEventListener('message', onMessage);
      iframe.remove();
      frame = undefined;
      reject(e);
    };
    window.addEventListener('message', onMessage);
    document.body.append(iframe);
  });
  return frame;
}

/**
 * Creates the sandbox frame ahead of the first Run that needs it, and a host-code worker in
 * it: on a busy machine their start-up would otherwise eat into the run's time limit.
 * `sources`: host code a run has just loaded (so the user allowed it). The spare fetches,
 * parses and links those modules but evaluates none of them (sandboxProtocol `prepare`):
 * the next run of the same code only opens their gates, instead of importing each module
 * from a blob URL — 10–25 ms of process hops on a busy machine. Without `sources` no host
 * code is touched, and code the trust prompt has not allowed is never passed here.
 */
export function prewarmHostSandbox(sources?: Record<string, string>): void {
  if (typeof document === 'undefined') return;
  void openFrame().catch(() => undefined);
  spareLease ??= startLease(sandboxWorkerSource);
  if (!sources || Object.keys(sources).length === 0) return;
  const key = JSON.stringify(sources);
  if (spareLease.prepared === key) return;
  spareLease.prepared = key;
  const prepare: ToSandbox = { type: 'prepare', sources };
  spareLease.port.postMessage(prepare);
}

/**
 * A host-code worker started ahead and not lent yet: the next run with host code takes it
 * instead of waiting for a worker to start (each run still gets a worker no host code ever
 * ran in, and kills it afterwards). Refilled by {@link prewarmHostSandbox}.
 */
let spareLease: (HostSandboxLease & { prepared?: string }) | undefined;

/** A sandbox worker lent to one run: `port` goes to the run worker; `kill` ends the worker. */
export interface HostSandboxLease {
  port: MessagePort;
  kill(): void;
}

/**
 * Starts a sandbox worker for one run. Returns at once: the port is usable immediately
 * (messages queue until the worker picks up the other end). If the sandbox cannot start,
 * the port's owner receives a `loadFailed` message saying why. `source` is the worker's
 * classic-script source (the host-code worker by default; Learn's function checks bring
 * their own), which receives the port in its first message's `ports[0]`.
 */
export function leaseHostSandbox(source: string = sandboxWorkerSource): HostSandboxLease {
  if (source === sandboxWorkerSource && spareLease) {
    const lease = spareLease;
    spareLease = undefined;
    return lease;
  }
  return startLease(source);
}

function startLease(source: string): HostSandboxLease {
  const channel = new MessageChannel();
  const id = nextId++;
  let killed = false;
  void openFrame().then(
    (win) => {
      if (!killed) win.postMessage({ type: 'spawn', id, source }, '*', [channel.port2]);
    },
    (e: unknown) => channel.port2.postMessage({ type: 'loadFailed', message: e instanceof Error ? e.message : String(e) }),
  );
  return {
    port: channel.port1,
    kill: () => {
      killed = true;
      void frame?.then((win) => win.postMessage({ type: 'kill', id }, '*'), () => undefined);
    },
  };
}

let checker: { lease: HostSandboxLease; pending: Map<number, (error: string | undefined) => void> } | undefined;
let nextCheck = 1;
const CHECK_TIMEOUT_MS = 8000;

/**
 * Loads a host module in the sandbox (its top level runs there, `create` does not) and
 * reports a syntax or load error, or undefined. The page itself never compiles host code:
 * its CSP forbids `eval`, and code from a link must not run in the playground's origin.
 */
export function checkHostCode(source: string): Promise<string | undefined> {
  if (!checker) {
    const lease = leaseHostSandbox();
    const pending = new Map<number, (error: string | undefined) => void>();
    lease.port.onmessage = (ev: MessageEvent) => {
      const m = ev.data as { type?: unknown; id?: unknown; error?: unknown; message?: unknown };
      if (m?.type === 'checked' && typeof m.id === 'number') {
        pending.get(m.id)?.(typeof m.error === 'string' ? m.error : undefined);
        pending.delete(m.id);
      } else if (m?.type === 'loadFailed') {
        for (const done of pending.values()) done(undefined);
        pending.clear();
      }
    };
    checker = { lease, pending };
  }
  const current = checker;
  const id = nextCheck++;
  return new Promise((resolve) => {
    // A module that loops at top level would keep the checker busy for good: replace it.
    const timer = setTimeout(() => {
      current.lease.kill();
      if (checker === current) checker = undefined;
      current.pending.delete(id);
      resolve(`the module did not finish loading within ${CHECK_TIMEOUT_MS / 1000} s (a loop at its top level?)`);
    }, CHECK_TIMEOUT_MS);
    current.pending.set(id, (error) => {
      clearTimeout(timer);
      resolve(error);
    });
    current.lease.port.postMessage({ type: 'check', id, source });
  });
}
