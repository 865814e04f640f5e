import { distance } from '../toolchain/closestName';
import type { Expectation } from './lessonTypes';
import { MESSAGE_ACTIONS } from '../trace/traceEvent';

// Before this, a lesson file's misspelt field was ignored without a word: `"equal": 42` in a
// `result` expectation made a check that passed any returned value, `"run": 3` ran once, and
// a guest's `"calls": "run"` turned the guest into a handler nobody called. A teacher opening
// the file now hears of every field Check does not know, with the likely intended name.

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The fields each object of a lesson may have (besides `kind` and the shared ones). */
const COUNT = ['count', 'min', 'max', 'perDelivery'];
const EXPECT_FIELDS: Record<Expectation['kind'], string[]> = {
  result: ['equals', 'min', 'max'],
  stdout: ['includes', 'matches', 'absent'],
  calls: ['fn', 'iface', 'ok', 'argIncludes', ...COUNT],
  messages: ['action', 'topic', 'to', 'fault', 'envelope', ...COUNT],
  key: ['bucket', 'key', 'equals', 'exists'],
  keys: ['bucket', 'prefix', ...COUNT],
  blob: ['container', 'name', 'equals', 'size', 'exists'],
  topicLog: ['topic', ...COUNT],
};
const SHARED = ['kind', 'say', 'guest'];
const GUEST_FIELDS = ['name', 'lang', 'wit', 'source', 'call', 'subscriptions', 'buckets', 'faults', 'fixed', 'sameCodeAs'];
const CHECK_FIELDS = ['runs', 'copies', 'settleMs', 'timeLimitMs', 'expect', 'script'];
const ACTIONS: readonly string[] = MESSAGE_ACTIONS;
const TEXT = ['say', 'guest', 'includes', 'matches', 'fn', 'iface', 'argIncludes', 'topic', 'to', 'fault', 'bucket', 'key', 'prefix', 'container', 'name'];
const NUMBER = ['min', 'max', 'count', 'perDelivery', 'size'];
const YES_NO = ['absent', 'ok', 'exists'];

/** "…; did you mean "equals"?" when a known field is close, else the list of known fields. */
function unknownField(where: string, field: string, known: string[]): string {
  // The same edit distance as the toolchain's "did you mean" (letter case aside), with a
  // looser bound than closestName's: a teacher's field names are few and far apart.
  const best = known.map((k) => ({ k, d: distance(field.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  const hint = best && best.d <= Math.max(2, Math.floor(field.length / 3)) ? `did you mean "${best.k}"?` : `it can have ${known.map((k) => `"${k}"`).join(', ')}`;
  return `${where} has a field "${field}" that Check does not know (it would be ignored); ${hint}`;
}

function unknownFields(where: string, value: Record<string, unknown>, known: string[]): string[] {
  return Object.keys(value).filter((f) => !known.includes(f)).map((f) => unknownField(where, f, known));
}

/** Problems of one guest's fields beyond the basic ones: misspelt fields, a `sameCodeAs` naming no guest. */
export function guestFieldProblems(g: Record<string, unknown>, where: string, guestNames: Set<string>): string[] {
  const p = unknownFields(where, g, GUEST_FIELDS);
  if (g.fixed !== undefined && typeof g.fixed !== 'boolean') p.push(`${where}.fixed must be true or false`);
  if (g.sameCodeAs !== undefined && !guestNames.has(g.sameCodeAs as string)) p.push(`${where}.sameCodeAs names a guest ${JSON.stringify(g.sameCodeAs)} that the lesson does not have`);
  return p;
}

/** Problems of the check's own fields (its expectations are judged one by one). */
export function checkFieldProblems(check: Record<string, unknown>): string[] {
  return unknownFields('"check"', check, CHECK_FIELDS);
}

/**
 * Problems of one expectation whose `kind` is known: fields Check does not know (with the
 * likely meant one), fields of the wrong type, and guests the lesson does not have.
 */
export function expectationFieldProblems(e: Record<string, unknown> & { kind: Expectation['kind'] }, where: string, guestNames: Set<string>, callers: Set<string>): string[] {
  const p = unknownFields(where, e, [...SHARED, ...EXPECT_FIELDS[e.kind]]);
  for (const [field, value] of Object.entries(e)) {
    if (value === undefined || !(SHARED.includes(field) || EXPECT_FIELDS[e.kind].includes(field))) continue;
    if (TEXT.includes(field) && typeof value !== 'string') p.push(`${where}.${field} must be text`);
    else if (NUMBER.includes(field) && typeof value !== 'number') p.push(`${where}.${field} must be a number (without quotes)`);
    else if (YES_NO.includes(field) && typeof value !== 'boolean') p.push(`${where}.${field} must be true or false`);
  }
  if (e.kind === 'key' && e.equals !== undefined && typeof e.equals !== 'string' && typeof e.equals !== 'number') p.push(`${where}.equals must be text or a number`);
  if (e.kind === 'blob' && e.equals !== undefined && typeof e.equals !== 'string') p.push(`${where}.equals must be text`);
  if (e.kind === 'messages' && typeof e.action === 'string' && !ACTIONS.includes(e.action)) p.push(`${where}.action must be one of ${ACTIONS.join(', ')}`);
  if (e.kind === 'messages' && e.envelope !== undefined && !(isObj(e.envelope) && Object.values(e.envelope).every((v) => typeof v === 'string'))) p.push(`${where}.envelope must map attribute names to texts`);
  if (e.kind === 'stdout' && typeof e.matches === 'string') {
    try {
      new RegExp(e.matches, 'm');
    } catch (err) {
      p.push(`${where}.matches is not a regular expression (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  for (const field of ['guest', 'to'] as const) {
    if (typeof e[field] === 'string' && !guestNames.has(e[field] as string)) p.push(`${where}.${field} names a guest ${JSON.stringify(e[field])} that the lesson does not have`);
  }
  // Check takes the result from a guest it calls: without one, every learner would read "never called".
  if (e.kind === 'result' && (typeof e.guest === 'string' ? guestNames.has(e.guest) && !callers.has(e.guest) : callers.size === 0)) {
    p.push(`${where} judges what ${typeof e.guest === 'string' ? `"${e.guest}"` : 'a guest'} returns, but ${typeof e.guest === 'string' ? 'that guest has' : 'no guest has'} a "call" (the export Check calls, e.g. "run")`);
  }
  return p;
}

/** The field an expectation of `kind` needs and lacks, if any (so the message can name it). */
export function missingField(e: Record<string, unknown> & { kind: Expectation['kind'] }): string | undefined {
  const needs: Partial<Record<Expectation['kind'], string[]>> = { calls: ['fn'], messages: ['action'], key: ['bucket', 'key'], keys: ['bucket'], blob: ['container', 'name'], topicLog: ['topic'] };
  return (needs[e.kind] ?? []).find((f) => typeof e[f] !== 'string');
}
