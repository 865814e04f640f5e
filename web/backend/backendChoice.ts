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

/** Optional NATS credentials: a token, or a user and password. */
export interface BackendCredentials {
  token?: string;
  user?: string;
  pass?: string;
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
  const servers = typeof o.servers === 'string' && o.servers.trim() !== '' ? o.servers.trim() : DEFAULT_NATS_SERVER;
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

export function loadCredentials(): BackendCredentials {
  try {
    const o = JSON.parse(sessionStorage.getItem(CREDENTIALS_KEY) ?? '{}') as Record<string, unknown>;
    const pick = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? { [k]: o[k] as string } : {});
    return { ...pick('token'), ...pick('user'), ...pick('pass') };
  } catch {
    return {};
  }
}

export function saveCredentials(credentials: BackendCredentials): void {
  try {
    sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify(credentials));
  } catch {
    // Not persisted; still used for this page.
  }
}

/** The config a run sends to its workers (credentials included, for the worker only). */
export function toBackendConfig(choice: BackendChoice, credentials: BackendCredentials): BackendConfig {
  if (choice.kind === 'browser') return { kind: 'browser' };
  return { kind: 'nats', servers: choice.servers, ...credentials };
}
