import type { HostCallEvent, MessageAction, MessageEvent_ } from '../trace/traceEvent';
import type { CountRule, Expectation, LessonCheck } from './lessonTypes';
import type { GuestRecord, RunRecord } from './runRecord';

/** The outcome of Check: passed when `problems` is empty. */
export interface Verdict {
  pass: boolean;
  /** What is missing or wrong, one sentence each, most important first. */
  problems: string[];
  /** What already works (shown greyed, so a learner sees progress). */
  passed: string[];
}

/** How a verdict says each message action; typed by MessageAction, so a new action must be given one. */
const VERBS: Record<MessageAction, string> = { send: 'sent', deliver: 'delivered', reply: 'sent as a reply', request: 'sent as a request', drop: 'dropped', ack: 'acknowledged', nack: 'nacked' };

/**
 * Judges a run by what really happened. A guest that trapped or timed out is the first
 * problem (nothing after a trap is trustworthy); then every expectation is checked and
 * every failing one is reported in the lesson's order.
 */
export function judgeRun(check: Pick<LessonCheck, 'expect'>, run: RunRecord): Verdict {
  const problems: string[] = [];
  const passed: string[] = [];
  problems.push(...earlyEnds(run));
  for (const e of check.expect) {
    const problem = judgeOne(e, run);
    if (problem === undefined) passed.push(describeExpectation(e));
    else problems.push(e.say ?? problem);
  }
  return { pass: problems.length === 0, problems: dedupe(problems), passed };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * Every guest that ended early, one sentence per distinct end: a lesson runs its caller
 * several times, and the same exception in each run was once listed once per run, before the
 * hints that matter. The same end of one guest in several runs (or copies) is said once, with
 * where it happened: "(in all 3 runs)", "(in runs 2 and 3)".
 */
function earlyEnds(run: RunRecord): string[] {
  const groups = new Map<string, GuestRecord[]>();
  for (const g of run.guests) {
    if (!g.trap) continue;
    const key = `${g.name}\0${fate(g, g.trap)}`;
    const group = groups.get(key);
    if (group) group.push(g);
    else groups.set(key, [g]);
  }
  return [...groups.values()].map((gs) => {
    const g = gs[0]!;
    if (gs.length === 1) return `${who(g)} ${fate(g, g.trap!)}`;
    const started = run.guests.filter((o) => o.name === g.name).length;
    const unit = run.copies > 1 ? (run.runs > 1 ? 'starts' : 'copies') : 'runs';
    const where = gs.length === started ? `in all ${gs.length} ${unit}` : `in ${gs.length} of ${started} ${unit}`;
    return `${code(g.name)} ${fate(g, g.trap!)} (${where})`;
  });
}

/**
 * How a guest's run ended early: stopped at the time limit (runCheck words the stop as a
 * clause following "was"), threw (a JavaScript exception, as Run's console words it), stopped
 * by what Run explains instead of the trap (out of memory, fetch, a stack overflow),
 * returned a result its WIT type cannot take (explainExportResult.ts), or trapped.
 */
function endOf(g: GuestRecord): 'timeout' | 'threw' | 'explained' | 'badResult' | 'trapped' {
  if (g.state === 'timeout') return 'timeout';
  if (/^uncaught /.test(g.trap ?? '')) return 'threw';
  if (/^`[^`]+` returned /.test(g.trap ?? '')) return 'badResult';
  return /^(?:out of memory|fetch is not available|stack overflow)\b/.test(g.trap ?? '') ? 'explained' : 'trapped';
}

/** The guest's early end as a sentence after its name. */
function fate(g: GuestRecord, trap: string): string {
  // Run's "guest trapped: wasm trap: …" after the verdict's own "trapped:" read "trapped: guest trapped: wasm trap:".
  return { timeout: `was ${trap}`, threw: `threw an ${trap}`, explained: `stopped: ${trap}`, badResult: `failed: ${trap}`, trapped: `trapped: ${trap.replace(/^guest trapped: (?:wasm trap: )?/, '')}` }[endOf(g)];
}

/** The same, in a few words, for an export that did not return. */
function howItEnded(g: GuestRecord): string {
  return { timeout: 'it was stopped at the time limit', threw: 'it threw an exception', explained: 'it stopped', badResult: 'its result did not fit its WIT type', trapped: 'it trapped' }[endOf(g)];
}

function who(g: GuestRecord): string {
  const copy = g.traceName === g.name ? '' : ` (copy ${g.traceName.slice(g.name.length + 1)})`;
  const run = g.run > 1 ? ` in run ${g.run}` : '';
  return `\`${g.name}\`${copy}${run}`;
}

const code = (s: string) => `\`${s}\``;
const quote = (s: string) => `“${s.length > 80 ? `${s.slice(0, 80)}…` : s}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function guestMatches(eventGuest: string, wanted: string | undefined): boolean {
  return wanted === undefined || eventGuest === wanted || eventGuest.startsWith(`${wanted}#`);
}

/** "[method]bucket.get" matches "get", "bucket.get" and itself. */
export function fnMatches(traceFn: string, wanted: string): boolean {
  if (traceFn === wanted) return true;
  const bare = traceFn.replace(/^\[[a-z-]+\]/, '');
  return bare === wanted || bare.endsWith(`.${wanted}`);
}

function bareFn(fn: string): string {
  const bare = fn.replace(/^\[[a-z-]+\]/, '');
  return bare.includes('.') ? bare.slice(bare.lastIndexOf('.') + 1) : bare;
}

/** Judges a count against a rule; returns "expected …" text when it fails. */
function countProblem(n: number, rule: CountRule, deliveries: number): string | undefined {
  if (rule.perDelivery !== undefined) {
    const want = rule.perDelivery * deliveries;
    return n === want ? undefined : `expected ${rule.perDelivery} per message (${plural(deliveries, 'message')} delivered)`;
  }
  if (rule.count !== undefined && n !== rule.count) return `expected ${rule.count}`;
  if (rule.min !== undefined && n < rule.min) return `expected at least ${rule.min}`;
  if (rule.max !== undefined && n > rule.max) return `expected at most ${rule.max}`;
  return undefined;
}

const hasCount = (r: CountRule) => r.count !== undefined || r.min !== undefined || r.max !== undefined || r.perDelivery !== undefined;

function deliveriesTo(run: RunRecord, guest: string | undefined): number {
  return run.events.filter((e) => e.kind === 'message' && e.action === 'deliver' && guestMatches(e.guest, guest) && !/^_inbox\./i.test(e.topic)).length;
}

function isHandler(run: RunRecord, guest: string | undefined): boolean {
  const gs = run.guests.filter((g) => guest === undefined || g.name === guest);
  return gs.length > 0 && gs.every((g) => g.call === undefined);
}

function judgeOne(e: Expectation, run: RunRecord): string | undefined {
  const afterRuns = run.runs > 1 ? ` after ${run.runs} runs` : run.copies > 1 ? ` after ${run.copies} copies ran at once` : '';
  switch (e.kind) {
    case 'result': {
      const gs = run.guests.filter((g) => g.call !== undefined && (e.guest === undefined || g.name === e.guest));
      // "no guest was never called" said the opposite of what happened.
      if (gs.length === 0) return e.guest ? `${code(e.guest)} was never called` : 'no guest was called: none has a `call` in this lesson';
      const last = gs[gs.length - 1];
      if (last.trap) return `${code(last.call ?? 'run')} did not return (${howItEnded(last)})`;
      // As the console shows it: a u64 counter returned 2 reads `2`, not `"2"`.
      const shown = last.result === undefined || last.result === null ? 'nothing' : (last.resultText ?? JSON.stringify(last.result));
      if (e.equals !== undefined && !sameValue(last.result, e.equals)) return `${code(last.call ?? 'run')} returned ${shown}, expected ${JSON.stringify(e.equals)}${afterRuns}`;
      const n = Number(last.result);
      if (e.min !== undefined && !(n >= e.min)) return `${code(last.call ?? 'run')} returned ${shown}, expected at least ${e.min}`;
      if (e.max !== undefined && !(n <= e.max)) return `${code(last.call ?? 'run')} returned ${shown}, expected at most ${e.max}`;
      return undefined;
    }
    case 'stdout': {
      const lines = run.guests.filter((g) => e.guest === undefined || g.name === e.guest).flatMap((g) => g.stdout);
      const text = lines.join('\n');
      const found = e.includes !== undefined ? text.includes(e.includes) : e.matches !== undefined ? new RegExp(e.matches, 'm').test(text) : text.length > 0;
      const what = e.includes !== undefined ? quote(e.includes) : e.matches !== undefined ? `a line matching /${e.matches}/` : 'anything';
      if (e.absent) return found ? `the output should not contain ${what}, but it does` : undefined;
      return found ? undefined : `${e.guest ? code(e.guest) : 'the guest'} never printed ${what}${lines.length ? ` (it printed ${quote(lines[lines.length - 1])} last)` : ''}`;
    }
    case 'calls': {
      const calls = run.events.filter(
        (ev): ev is HostCallEvent =>
          ev.kind === 'call' && ev.dir === 'import' && fnMatches(ev.fn, e.fn) && guestMatches(ev.guest, e.guest) && (e.iface === undefined || ev.iface.startsWith(e.iface)) && (e.ok === undefined || ev.ok === e.ok) && (e.argIncludes === undefined || JSON.stringify(ev.args).includes(e.argIncludes)),
      );
      const name = code(bareFn(e.fn));
      const subject = isHandler(run, e.guest) ? 'the handler' : e.guest ? code(e.guest) : 'the guest';
      const okText = e.ok === false ? ' failing' : e.ok === true ? ' successful' : '';
      const argText = e.argIncludes !== undefined ? ` with ${quote(e.argIncludes)}` : '';
      if (!hasCount(e)) return calls.length > 0 ? undefined : `${subject} never called ${name}${argText}`;
      const bad = countProblem(calls.length, e, deliveriesTo(run, e.guest));
      if (bad === undefined) return undefined;
      if (calls.length === 0 && (e.min ?? e.count ?? e.perDelivery ?? 1) > 0) return `${subject} never called ${name}${argText}${okText ? ` (${okText.trim()})` : ''}; ${bad}`;
      return `${name} was called${okText}${argText} ${plural(calls.length, 'time')}, ${bad}`;
    }
    case 'messages': {
      const msgs = run.events.filter(
        (ev): ev is MessageEvent_ =>
          ev.kind === 'message' && ev.action === e.action && guestMatches(ev.guest, e.guest) && (e.topic === undefined || ev.topic === e.topic) && (e.to === undefined || guestMatches(ev.to ?? ev.guest, e.to)) && (e.fault === undefined || (ev.fault ?? '').startsWith(e.fault)) && envelopeMatches(ev.envelope, e.envelope),
      );
      const verb = VERBS[e.action];
      const toWhom = e.to ?? (e.action === 'deliver' || e.action === 'ack' || e.action === 'nack' ? e.guest : undefined);
      const where = `${e.topic ? ` on ${code(e.topic)}` : ''}${toWhom ? ` ${e.action === 'deliver' ? 'to' : 'by'} ${code(toWhom)}` : e.guest ? ` by ${code(e.guest)}` : ''}${e.envelope ? ` with ${Object.entries(e.envelope).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}`;
      if (!hasCount(e)) return msgs.length > 0 ? undefined : `no message was ${verb}${where}`;
      const bad = countProblem(msgs.length, e, deliveriesTo(run, e.to ?? e.guest));
      return bad === undefined ? undefined : `${plural(msgs.length, 'message was', 'messages were')} ${verb}${where}, ${bad}`;
    }
    case 'key': {
      const value = run.storage.kv[e.bucket]?.[e.key];
      const where = `key ${code(e.key)}${bucketHint(run, e.bucket)}`;
      if (e.exists === false) return value === undefined ? undefined : `${where} should not exist, but holds ${quote(value)}`;
      if (value === undefined) return `${where} was never set${afterRuns}`;
      if (e.equals !== undefined && value !== String(e.equals)) return `${where} holds ${typeof e.equals === 'number' ? value : quote(value)}, expected ${typeof e.equals === 'number' ? e.equals : quote(e.equals)}${afterRuns}`;
      return undefined;
    }
    case 'keys': {
      const keys = Object.keys(run.storage.kv[e.bucket] ?? {}).filter((k) => e.prefix === undefined || k.startsWith(e.prefix));
      const bad = countProblem(keys.length, hasCount(e) ? e : { min: 1 }, 0);
      return bad === undefined ? undefined : `bucket ${code(e.bucket)} holds ${plural(keys.length, 'key')}${e.prefix ? ` starting with ${code(e.prefix)}` : ''}, ${bad}`;
    }
    case 'blob': {
      const value = run.storage.blobs[e.container]?.[e.name];
      const where = `blob ${code(e.name)} in container ${code(e.container)}`;
      if (e.exists === false) return value === undefined ? undefined : `${where} should not exist`;
      if (value === undefined) return `${where} was never written`;
      if (e.equals !== undefined && value !== e.equals) return `${where} holds ${quote(value)}, expected ${quote(e.equals)}`;
      if (e.size !== undefined && new TextEncoder().encode(value).length !== e.size) return `${where} holds ${new TextEncoder().encode(value).length} bytes, expected ${e.size}`;
      return undefined;
    }
    case 'topicLog': {
      const n = run.storage.topics[e.topic]?.length ?? 0;
      const bad = countProblem(n, hasCount(e) ? e : { min: 1 }, 0);
      return bad === undefined ? undefined : `the log of topic ${code(e.topic)} holds ${plural(n, 'message')}, ${bad}`;
    }
  }
}

/** `in bucket "b"` only when other buckets exist too, to keep the common sentence short. */
function bucketHint(run: RunRecord, bucket: string): string {
  const buckets = Object.keys(run.storage.kv);
  return buckets.length === 1 && buckets[0] === bucket ? '' : ` in bucket ${code(bucket)}`;
}

function envelopeMatches(envelope: Record<string, unknown>, wanted: Record<string, string> | undefined): boolean {
  if (!wanted) return true;
  return Object.entries(wanted).every(([k, v]) => (v === '*' ? envelope[k] !== undefined : String(envelope[k]) === v));
}

/** Loose equality for rendered values: 3, 3n and "3" are the same number. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' || typeof expected === 'bigint') return actual !== null && actual !== undefined && actual !== '' && Number(actual) === Number(expected);
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** A short line for the "already works" list. */
export function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case 'result': return e.equals !== undefined ? `returns ${JSON.stringify(e.equals)}` : 'returns a value in range';
    case 'stdout': return e.absent ? `does not print ${quote(e.includes ?? e.matches ?? '')}` : `prints ${quote(e.includes ?? e.matches ?? 'something')}`;
    case 'calls': return `calls ${code(bareFn(e.fn))}${e.perDelivery !== undefined ? ` ${e.perDelivery}× per message` : e.count !== undefined ? ` ${e.count}×` : ''}`;
    case 'messages': return `${e.action} ${e.topic ? `on ${code(e.topic)}` : 'messages'}`;
    case 'key': return e.exists === false ? `no key ${code(e.key)}` : `key ${code(e.key)}${e.equals !== undefined ? ` = ${e.equals}` : ' is set'}`;
    case 'keys': return `keys in ${code(e.bucket)}`;
    case 'blob': return `blob ${code(e.name)}`;
    case 'topicLog': return `log of ${code(e.topic)}`;
  }
}
