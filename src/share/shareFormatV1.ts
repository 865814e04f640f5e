import type { Example } from '../examples/exampleTypes';
import { DEFAULT_TIME_LIMIT_MS, type Workspace, type WorkspaceGuest } from '../workspace/workspaceTypes';
import { diffText, type TextSplice } from './textSplice';

/** A text field: the full text, or a splice against the example guest's text. */
export type TextFieldV1 = string | TextSplice;

/**
 * One guest in a v1 payload. Against an example guest (same index) every field is an
 * override and absent = inherited; `c: null` removes the example's call. Without an
 * example guest `n`, `l`, `w`, `s` are required full strings.
 */
export interface GuestEntryV1 {
  n?: string;
  l?: WorkspaceGuest['lang'];
  w?: TextFieldV1;
  s?: TextFieldV1;
  c?: string | null;
  u?: string[];
  /** Bucket list (added after v1 shipped; links without it inherit, as for every key). */
  b?: string[];
  /** Command-line arguments, program name first (added later, like `b`). */
  a?: string[];
  /** Environment, `NAME=value` entries. */
  v?: string[];
  /** Standard input text. */
  i?: string;
  /** wasi:config values, `key=value` entries. */
  k?: string[];
}

/** The JSON inside a `#w1.` link (documented in encodeShare.ts). Every field defaults when absent. */
export interface PayloadV1 {
  e?: string;
  x?: string;
  g?: Array<0 | GuestEntryV1>;
  h?: Record<string, string>;
  f?: unknown;
  t?: number;
  /** Index of the guest open in the editors (added after v1 shipped; absent = the first guest). */
  o?: number;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function textField(base: string, edited: string): TextFieldV1 | undefined {
  if (base === edited) return undefined;
  const splice = diffText(base, edited);
  // Full text wins when nearly everything changed: a splice would only add overhead.
  return JSON.stringify(splice).length < JSON.stringify(edited).length ? splice : edited;
}

function guestEntry(g: WorkspaceGuest, base: Example['guests'][number] | undefined): 0 | GuestEntryV1 {
  if (!base) {
    const full: GuestEntryV1 = { n: g.name, l: g.lang, w: g.wit, s: g.source };
    if (g.call !== undefined) full.c = g.call;
    if (g.subscriptions.length) full.u = g.subscriptions;
    if (g.buckets?.length) full.b = g.buckets;
    if (g.args?.length) full.a = g.args;
    if (g.env?.length) full.v = g.env;
    if (g.stdin) full.i = g.stdin;
    if (g.config?.length) full.k = g.config;
    return full;
  }
  const e: GuestEntryV1 = {};
  if (g.name !== base.name) e.n = g.name;
  if (g.lang !== base.lang) e.l = g.lang;
  const w = textField(base.wit, g.wit);
  if (w !== undefined) e.w = w;
  const s = textField(base.source, g.source);
  if (s !== undefined) e.s = s;
  if (g.call !== base.call) e.c = g.call ?? null;
  if (!sameList(g.subscriptions, base.subscriptions ?? [])) e.u = g.subscriptions;
  if (!sameList(g.buckets ?? [], base.buckets ?? [])) e.b = g.buckets ?? [];
  if (!sameList(g.args ?? [], base.args ?? [])) e.a = g.args ?? [];
  if (!sameList(g.env ?? [], base.env ?? [])) e.v = g.env ?? [];
  if ((g.stdin ?? '') !== (base.stdin ?? '')) e.i = g.stdin ?? '';
  if (!sameList(g.config ?? [], base.config ?? [])) e.k = g.config ?? [];
  return Object.keys(e).length ? e : 0;
}

/**
 * Builds the smallest v1 payload for `ws`: only what differs from the example and the defaults.
 * `activeGuest` is the guest tab the link should open on (the one the sender was editing).
 */
export function compactWorkspace(ws: Workspace, examples: readonly Example[], activeGuest = 0): PayloadV1 {
  const example = ws.exampleId === undefined ? undefined : examples.find((x) => x.id === ws.exampleId);
  const p: PayloadV1 = {};
  if (example) p.e = example.id;
  else if (ws.exampleId !== undefined) p.x = ws.exampleId;
  const base = example?.guests ?? [];
  const entries = ws.guests.map((g, i) => guestEntry(g, base[i]));
  const unchanged = example !== undefined && entries.length === base.length && entries.every((en) => en === 0);
  if (!unchanged && (entries.length || example)) p.g = entries;
  if (Object.keys(ws.hosts.customHosts).length) p.h = ws.hosts.customHosts;
  if (ws.hosts.faults !== undefined) p.f = ws.hosts.faults;
  if (ws.settings.timeLimitMs !== DEFAULT_TIME_LIMIT_MS) p.t = ws.settings.timeLimitMs;
  // The first guest is the default; an index past the last guest is not worth a link's bytes.
  if (Number.isSafeInteger(activeGuest) && activeGuest > 0 && activeGuest < ws.guests.length) p.o = activeGuest;
  return p;
}
