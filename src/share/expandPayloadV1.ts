import type { Example, ExampleGuest } from '../examples/exampleTypes';
import { checkObject, checkString, checkWorkspace, ShapeError } from '../workspace/checkWorkspace';
import { DEFAULT_TIME_LIMIT_MS, guestFromExample, type Workspace } from '../workspace/workspaceTypes';
import { ShareError } from './shareError';
import { applySplice, type TextSplice } from './textSplice';

const GUEST_KEYS = ['n', 'l', 'w', 's', 'c', 'u', 'b', 'a', 'v', 'i', 'k'] as const;

function isSplice(v: unknown): v is TextSplice {
  return Array.isArray(v) && v.length === 4 && Number.isSafeInteger(v[0]) && v[0] >= 0 && Number.isSafeInteger(v[1]) && v[1] >= 0 && typeof v[2] === 'string' && typeof v[3] === 'string';
}

function textField(value: unknown, base: string | undefined, path: string, exampleId: string | undefined): string {
  if (typeof value === 'string') return value;
  if (!isSplice(value)) throw new ShapeError(`${path} must be a text or an edit of the example's text`);
  if (base === undefined) throw new ShapeError(`${path} is an edit, but there is no example text to apply it to`);
  const text = applySplice(base, value);
  // The example was changed since the link was made: applying the edit would garble the code.
  if (text === undefined) throw new ShareError(`This link edits ${path} of example "${exampleId}", which has changed since the link was made, so the edit can't be applied.`);
  return text;
}

function expandGuest(entry: unknown, base: ExampleGuest | undefined, path: string, exampleId: string | undefined): unknown {
  if (entry === 0) {
    if (!base) throw new ShapeError(`${path} says "same as the example", but the example has no guest at that position`);
    return guestFromExample(base);
  }
  const e = checkObject(entry, path, GUEST_KEYS);
  if (!base) for (const k of ['n', 'l', 'w', 's'] as const) if (e[k] === undefined) throw new ShapeError(`${path} is missing "${k}"`);
  const guest: Record<string, unknown> = {
    name: e.n ?? base?.name,
    lang: e.l ?? base?.lang,
    wit: e.w === undefined ? base?.wit : textField(e.w, base?.wit, `${path}.wit`, exampleId),
    source: e.s === undefined ? base?.source : textField(e.s, base?.source, `${path}.source`, exampleId),
    subscriptions: e.u ?? base?.subscriptions ?? [],
  };
  const buckets = e.b ?? base?.buckets;
  if (buckets !== undefined && (!Array.isArray(buckets) || buckets.length > 0)) guest.buckets = buckets;
  // Command inputs and config values: an empty list/text clears the example's; absent inherits.
  const lists = { args: e.a ?? base?.args, env: e.v ?? base?.env, config: e.k ?? base?.config };
  for (const [key, list] of Object.entries(lists)) if (list !== undefined && (!Array.isArray(list) || list.length > 0)) guest[key] = list;
  const stdin = e.i ?? base?.stdin;
  if (stdin !== undefined && stdin !== '') guest.stdin = stdin;
  const call = e.c === undefined ? base?.call : e.c === null ? undefined : checkString(e.c, `${path}.call`);
  if (call !== undefined) guest.call = call;
  return guest;
}

/** A decoded link: the workspace and the guest tab it opens on. */
export interface SharedWorkspace {
  workspace: Workspace;
  /** Index into `workspace.guests` of the guest the sender was editing; 0 for links without one. */
  activeGuest: number;
}

function activeGuestOf(value: unknown, guestCount: number): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) >= guestCount) throw new ShapeError(`the open guest tab must be a guest index from 0 to ${Math.max(0, guestCount - 1)} (got ${JSON.stringify(value)})`);
  return value as number;
}

/** Rebuilds the workspace from a v1 payload; throws ShapeError or ShareError, never returns bad data. */
export function expandPayloadV1(payload: unknown, examples: readonly Example[]): SharedWorkspace {
  const p = checkObject(payload, 'link data', ['e', 'x', 'g', 'h', 'f', 't', 'o']);
  if (p.e !== undefined && p.x !== undefined) throw new ShapeError('link data names two examples');
  const baseId = p.e === undefined ? undefined : checkString(p.e, 'link example id');
  const example = baseId === undefined ? undefined : examples.find((x) => x.id === baseId);
  if (baseId !== undefined && !example) throw new ShareError(`This link is based on the example "${baseId}", which this version of the playground doesn't have.`);
  if (p.g !== undefined && !Array.isArray(p.g)) throw new ShapeError('guests must be an array');
  const entries = (p.g as unknown[] | undefined) ?? example?.guests.map(() => 0) ?? [];
  const guests = entries.map((en, i) => expandGuest(en, example?.guests[i], `guests[${i}]`, baseId));
  const exampleId = baseId ?? (p.x === undefined ? undefined : checkString(p.x, 'link example id'));
  const hosts: Record<string, unknown> = { customHosts: p.h ?? {} };
  if (p.f !== undefined) hosts.faults = p.f;
  const ws: Record<string, unknown> = { guests, hosts, settings: { timeLimitMs: p.t ?? DEFAULT_TIME_LIMIT_MS } };
  if (exampleId !== undefined) ws.exampleId = exampleId;
  // Final strict pass: duplicate names, bad langs, bad time limits all surface here.
  const workspace = checkWorkspace(ws, 'workspace');
  return { workspace, activeGuest: activeGuestOf(p.o, workspace.guests.length) };
}
