import type { BackendConfig } from '../../src/index';

/**
 * The user's choice of host backend, persisted as `{ v: 1, kind, servers }` in
 * localStorage. Credentials are NOT in it: they live in sessionStorage (this tab only)
 * and never reach share links, exported files or saved workspaces.
 */
export interface BackendChoice {
  v: 1;
  kind: 'browser' | 'nats';
  /** WebSocket address of the NATS server (kept when switching back to the browser). */
  servers: string;
}

/**
 * Optional NATS credentials: a token, or a user and password, with the address they were
 * typed for. They are sent to that server only: a share link that switches the tab to
 * another server must not receive what the visitor typed for their own.
 */
export interface BackendCredentials {
  token?: string;
  user?: string;
  pass?: string;
  /** The server address the credentials belong to. */
  server?: string;
}

export const BACKEND_KEY = 'wcp:backend';
const CREDENTIALS_KEY = 'wcp:backend-credentials';
/** What `npm run nats` listens on for browsers. */
export const DEFAULT_NATS_SERVER = 'ws://127.0.0.1:4280';

export const defaultChoice: BackendChoice = { v: 1, kind: 'browser', servers: DEFAULT_NATS_SERVER };

/** Any stored value (or garbage) → a valid choice; unknown kinds fall back to the browser. */
export function migrateChoice(raw: unknown): BackendChoice {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ...defaultChoice };
    }
  }
  if (!value || typeof value !== 'object') return { ...defaultChoice };
  const o = value as Record<string, unknown>;
  // An address saved with `user:pass@` (accepted before addresses were checked) loses them.
  const servers = typeof o.servers === 'string' && o.servers.trim() !== '' ? withoutUserinfo(o.servers.trim()) : DEFAULT_NATS_SERVER;
  return { v: 1, kind: o.kind === 'nats' ? 'nats' : 'browser', servers };
}

export function loadChoice(): BackendChoice {
  try {
    return migrateChoice(localStorage.getItem(BACKEND_KEY));
  } catch {
    return { ...defaultChoice };
  }
}

export function saveChoice(choice: BackendChoice): void {
  try {
    localStorage.setItem(BACKEND_KEY, JSON.stringify(choice));
  } catch {
    // Storage full or disabled: the choice still holds for this page.
  }
}

/**
 * This tab's credentials. Ones saved before they carried their server belong to the server
 * chosen then (`currentServer`, the saved choice's address when they are read).
 */
export function loadCredentials(currentServer = loadChoice().servers): BackendCredentials {
  try {
    const o = JSON.parse(sessionStorage.getItem(CREDENTIALS_KEY) ?? '{}') as Record<string, unknown>;
    const pick = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? { [k]: o[k] as string } : {});
    const secrets = { ...pick('token'), ...pick('user'), ...pick('pass') };
    if (Object.keys(secrets).length === 0) return {};
    return { ...secrets, server: typeof o.server === 'string' ? o.server : currentServer };
  } catch {
    return {};
  }
}

/** Whether any credential is set (the server alone is not one). */
export function hasCredentials(credentials: BackendCredentials): boolean {
  return Boolean(credentials.token || credentials.user || credentials.pass);
}

export function saveCredentials(credentials: BackendCredentials): void {
  try {
    sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify(credentials));
  } catch {
    // Not persisted; still used for this page.
  }
}

/**
 * The config a run sends to its workers: credentials included, for the worker only, and
 * only when they were typed for the server chosen now.
 */
export function toBackendConfig(choice: BackendChoice, credentials: BackendCredentials): BackendConfig {
  if (choice.kind === 'browser') return { kind: 'browser' };
  if (credentials.server !== choice.servers) return { kind: 'nats', servers: choice.servers };
  const { token, user, pass } = credentials;
  return { kind: 'nats', servers: choice.servers, ...(token ? { token } : {}), ...(user ? { user } : {}), ...(pass ? { pass } : {}) };
}

/**
 * Why an address cannot be used, in words for the settings field; undefined when it can.
 * Credentials written into the address (`ws://user:pass@host`) are refused: the address
 * is saved and goes into share links, and the client would not send them anyway.
 */
export function addressProblem(servers: string): string | undefined {
  const value = servers.trim();
  if (!/^wss?:\/\//i.test(value)) return 'The address must be a WebSocket URL: ws://host:port or wss://host:port.';
  if (withoutUserinfo(value) !== value) return 'Put the user and password in Credentials below, not in the address: the address is saved and goes into share links.';
  if (!/^wss?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) return 'That is not a WebSocket address (ws://host:port or wss://host:port).';
  return undefined;
}

/** The address without a `user:pass@` part. */
export function withoutUserinfo(servers: string): string {
  return servers.replace(/^(wss?:\/\/)[^/?#]*@/i, '$1');
}
