import type { GuestLang, Workspace, WorkspaceGuest } from './workspaceTypes';

/** A value doesn't have the Workspace shape; `message` names the offending path. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

const LANGS: readonly GuestLang[] = ['wat', 'js', 'ts'];
// Faults are opaque but travel in URLs and files, so they must survive JSON unchanged.
const MAX_FAULT_DEPTH = 32;

const fail = (path: string, what: string): never => {
  throw new ShapeError(`${path} ${what}`);
};

/** Plain object (not array/null); unknown keys are rejected so typos and foreign data can't slip in. */
export function checkObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(path, `has an unknown field "${key}"`);
  return obj;
}

export function checkString(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, `must be a string (got ${describe(value)})`);
}

function checkStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, 'must be an array of strings');
  return (value as unknown[]).map((s, i) => checkString(s, `${path}[${i}]`));
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** Throws unless `value` is JSON-representable data (what `faults` must be). */
export function checkPlainData(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_FAULT_DEPTH) fail(path, 'is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return void (Number.isFinite(value) || fail(path, 'must be a finite number'));
  if (Array.isArray(value)) return value.forEach((v, i) => checkPlainData(v, `${path}[${i}]`, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) checkPlainData(v, `${path}.${k}`, depth + 1);
    return;
  }
  fail(path, `must be plain JSON data (got ${describe(value)})`);
}

function checkGuest(value: unknown, path: string): WorkspaceGuest {
  const g = checkObject(value, path, ['name', 'lang', 'wit', 'source', 'call', 'subscriptions', 'buckets', 'args', 'env', 'stdin', 'config']);
  const name = checkString(g.name, `${path}.name`);
  if (name.trim() === '') fail(`${path}.name`, 'must not be empty');
  const lang = g.lang as GuestLang;
  if (!LANGS.includes(lang)) fail(`${path}.lang`, `must be one of ${LANGS.join(', ')} (got ${JSON.stringify(g.lang)})`);
  const guest: WorkspaceGuest = { name, lang, wit: checkString(g.wit, `${path}.wit`), source: checkString(g.source, `${path}.source`), subscriptions: checkStringArray(g.subscriptions, `${path}.subscriptions`) };
  if (g.call !== undefined) guest.call = checkString(g.call, `${path}.call`);
  if (g.buckets !== undefined) guest.buckets = checkStringArray(g.buckets, `${path}.buckets`);
  // Command inputs and config values (added later; older workspaces simply lack them).
  if (g.args !== undefined) guest.args = checkStringArray(g.args, `${path}.args`);
  if (g.env !== undefined) guest.env = checkStringArray(g.env, `${path}.env`);
  if (g.stdin !== undefined) guest.stdin = checkString(g.stdin, `${path}.stdin`);
  if (g.config !== undefined) guest.config = checkStringArray(g.config, `${path}.config`);
  return guest;
}

/**
 * Validates `value` strictly and returns a fresh copy holding only Workspace fields, so
 * callers never share structure with (or keep extra data from) what they were given.
 */
export function checkWorkspace(value: unknown, path = 'workspace'): Workspace {
  const w = checkObject(value, path, ['exampleId', 'guests', 'hosts', 'settings']);
  if (!Array.isArray(w.guests)) fail(`${path}.guests`, 'must be an array');
  const guests = (w.guests as unknown[]).map((g, i) => checkGuest(g, `${path}.guests[${i}]`));
  const seen = new Set<string>();
  for (const g of guests) seen.has(g.name) ? fail(`${path}.guests`, `has two guests named "${g.name}"`) : seen.add(g.name);

  const h = checkObject(w.hosts, `${path}.hosts`, ['customHosts', 'faults']);
  const custom = checkObject(h.customHosts, `${path}.hosts.customHosts`, Object.keys(h.customHosts ?? {}));
  const customHosts: Record<string, string> = {};
  for (const [id, src] of Object.entries(custom)) customHosts[id] = checkString(src, `${path}.hosts.customHosts["${id}"]`);

  const s = checkObject(w.settings, `${path}.settings`, ['timeLimitMs']);
  const timeLimitMs = s.timeLimitMs;
  if (typeof timeLimitMs !== 'number' || !Number.isFinite(timeLimitMs) || timeLimitMs <= 0) fail(`${path}.settings.timeLimitMs`, 'must be a positive number of milliseconds');

  const out: Workspace = { guests, hosts: { customHosts }, settings: { timeLimitMs: timeLimitMs as number } };
  if (w.exampleId !== undefined) out.exampleId = checkString(w.exampleId, `${path}.exampleId`);
  if (h.faults !== undefined) {
    checkPlainData(h.faults, `${path}.hosts.faults`);
    out.hosts.faults = structuredClone(h.faults);
  }
  return out;
}
