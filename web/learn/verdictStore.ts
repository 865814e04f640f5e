import { del, get, set } from 'idb-keyval';
import type { Verdict } from '../../src/index';
import type { CheckOutput } from './printedLines';
import { learnDb } from './progressStore';

/** Schema version of a stored verdict; a record of another version is not shown (and is replaced by the next Check). */
const VERDICT_VERSION = 1;
const KEY = 'verdict:';
/** Printed lines kept per side: the box shows 200; a flood's 100,000 lines need not be stored. */
const MAX_LINES = 200;

/**
 * The last Check of a lesson, kept so a reload shows it again (IndexedDB `wcp-learn`, key
 * `verdict:<lesson id>`): the verdict, what the run printed, the code it judged and the
 * lesson version that judged it. It is shown only while both are unchanged.
 */
export interface StoredVerdict {
  v: typeof VERDICT_VERSION;
  /** {@link lessonVersion} of the lesson whose check gave the verdict. */
  lesson: string;
  /** The learner's code that was judged (as progress `sources`: only guests they changed). */
  code: Record<string, string>;
  verdict: Verdict;
  output: CheckOutput;
  /** When Check gave it (ms since 1970). */
  at: number;
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const stringMap = (x: unknown): x is Record<string, string> => !!x && typeof x === 'object' && Object.values(x).every((s) => typeof s === 'string');

/** A stored record, or undefined for anything unreadable (another version, damaged): never a broken verdict box. */
export function readStoredVerdict(value: unknown): StoredVerdict | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Partial<StoredVerdict>;
  const v = r.verdict;
  const o = r.output;
  if (r.v !== VERDICT_VERSION || typeof r.lesson !== 'string' || !stringMap(r.code) || typeof r.at !== 'number') return undefined;
  if (!v || typeof v.pass !== 'boolean' || !strings(v.problems) || !strings(v.passed)) return undefined;
  if (!o || !strings(o.yours) || !strings(o.helpers)) return undefined;
  return { v: VERDICT_VERSION, lesson: r.lesson, code: r.code, verdict: { pass: v.pass, problems: v.problems, passed: v.passed }, output: { yours: o.yours, helpers: o.helpers }, at: r.at };
}

/** The first lines of a side, and how many more there were. */
const capped = (lines: string[]) => (lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more lines`] : lines);

export const loadLastVerdict = async (id: string): Promise<StoredVerdict | undefined> => readStoredVerdict(await get(`${KEY}${id}`, learnDb()));
export const saveLastVerdict = (id: string, record: Omit<StoredVerdict, 'v'>): Promise<void> =>
  set(`${KEY}${id}`, { ...record, v: VERDICT_VERSION, output: { yours: capped(record.output.yours), helpers: capped(record.output.helpers) } }, learnDb());
export const forgetLastVerdict = (id: string): Promise<void> => del(`${KEY}${id}`, learnDb());
