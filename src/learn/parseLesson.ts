import { checkFieldProblems, expectationFieldProblems, guestFieldProblems, missingField } from './findFieldProblems';
import { LESSON_FORMAT, type Expectation, type Lesson } from './lessonTypes';

/** A lesson that can't be used, with every reason as a sentence. */
export class LessonError extends Error {
  constructor(readonly problems: string[]) {
    super(`This lesson can't be opened: ${problems.join('; ')}`);
  }
}

const KINDS: Expectation['kind'][] = ['result', 'stdout', 'calls', 'messages', 'key', 'keys', 'blob', 'topicLog'];
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => typeof v === 'string';

/** How closely a lesson is read. */
export interface ParseOptions {
  /**
   * Also reject fields Check does not know (misspelt ones, with the likely meant name),
   * fields of the wrong type and expectations naming guests the lesson lacks. For the files a
   * teacher opens, who can fix them; links and stored lessons, made before these rules, are
   * read as before, so a class is never locked out of a lesson it already has.
   */
  strict?: boolean;
}

/**
 * Validates a lesson (from a file, a link or the shipped set) against format
 * `wcp-lesson/1` and returns it typed. Collects every problem, so a teacher fixing a file
 * sees them all at once.
 */
export function parseLesson(value: unknown, { strict = false }: ParseOptions = {}): Lesson {
  const p: string[] = [];
  if (!isObj(value)) throw new LessonError(['it is not a JSON object']);
  if (value.format !== undefined && value.format !== LESSON_FORMAT) p.push(`"format" is ${JSON.stringify(value.format)}; this playground reads "${LESSON_FORMAT}"`);
  if (!str(value.id) || !/^[a-z0-9][a-z0-9-]*$/.test(value.id as string)) p.push('"id" must be lower-case letters, digits and dashes');
  for (const f of ['title', 'text', 'task'] as const) if (!str(value[f])) p.push(`"${f}" must be text`);
  if (!Array.isArray(value.hints) || !value.hints.every(str)) p.push('"hints" must be a list of texts');
  if (value.docs !== undefined && !(Array.isArray(value.docs) && value.docs.every((d) => isObj(d) && str(d.title) && str(d.url) && /^https?:\/\//.test(d.url as string)))) p.push('"docs" must be a list of { title, url } with http(s) urls');
  const guests = Array.isArray(value.guests) ? value.guests : [];
  if (guests.length === 0) p.push('"guests" must list at least one guest');
  const names = new Set<string>();
  guests.forEach((g, i) => {
    if (!isObj(g)) return p.push(`guests[${i}] must be an object`);
    if (!str(g.name) || !(g.name as string)) p.push(`guests[${i}].name must be text`);
    else if (names.has(g.name as string)) p.push(`two guests are named "${g.name}"`);
    else names.add(g.name as string);
    if (!['wat', 'js', 'ts'].includes(g.lang as string)) p.push(`guests[${i}].lang must be "js", "ts" or "wat"`);
    if (!str(g.wit) || !str(g.source)) p.push(`guests[${i}] needs "wit" and "source" texts`);
    if (g.call !== undefined && !str(g.call)) p.push(`guests[${i}].call must be text`);
    for (const list of ['subscriptions', 'buckets'] as const) if (g[list] !== undefined && !(Array.isArray(g[list]) && (g[list] as unknown[]).every(str))) p.push(`guests[${i}].${list} must be a list of texts`);
  });
  const callers = new Set(guests.flatMap((g) => (isObj(g) && str(g.name) && str(g.call) ? [g.name as string] : [])));
  if (strict) guests.forEach((g, i) => isObj(g) && p.push(...guestFieldProblems(g, `guests[${i}]${str(g.name) ? ` ("${g.name}")` : ''}`, names)));
  if (!isObj(value.solution) || !Object.values(value.solution).every(str)) p.push('"solution" must map guest names to sources');
  else for (const n of Object.keys(value.solution)) if (!names.has(n)) p.push(`"solution" names a guest "${n}" that the lesson does not have`);
  const check = value.check;
  if (!isObj(check)) p.push('"check" must be an object');
  else {
    if (!Array.isArray(check.expect)) p.push('"check.expect" must be a list');
    else check.expect.forEach((e, i) => {
      if (!isObj(e) || !KINDS.includes(e.kind as Expectation['kind'])) p.push(`check.expect[${i}].kind must be one of ${KINDS.join(', ')}`);
      else {
        const kinded = e as Record<string, unknown> & { kind: Expectation['kind'] };
        const missing = missingField(kinded);
        const fields = strict ? expectationFieldProblems(kinded, `check.expect[${i}] (${e.kind})`, names, callers) : [];
        // "fnn" → "did you mean "fn"?" already says what is missing.
        if (missing && !fields.some((f) => f.endsWith(`did you mean "${missing}"?`))) p.push(`check.expect[${i}] (${e.kind}) needs "${missing}" (text)`);
        p.push(...fields);
      }
    });
    if (strict) p.push(...checkFieldProblems(check));
    for (const n of ['runs', 'copies', 'settleMs', 'timeLimitMs'] as const) if (check[n] !== undefined && !(Number.isInteger(check[n]) && (check[n] as number) >= 0 && (check[n] as number) <= 60_000)) p.push(`"check.${n}" must be a whole number`);
    if (check.script !== undefined && !str(check.script)) p.push('"check.script" must be text (a function body)');
    if (Array.isArray(check.expect) && check.expect.length === 0 && !str(check.script)) p.push('"check" needs at least one expectation or a script');
  }
  if (p.length) throw new LessonError(p);
  return value as unknown as Lesson;
}

/** Reads a lesson file's text (JSON). */
export function parseLessonFile(text: string, options: ParseOptions = {}): Lesson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LessonError([`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
  return parseLesson(json, options);
}
