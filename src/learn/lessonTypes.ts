import type { FaultConfig } from '../hosts/faults/faultConfig';
import type { MessageAction } from '../trace/traceEvent';

/**
 * The lesson file format, version 1 (`"format": "wcp-lesson/1"`). Shipped lessons and
 * lessons a teacher writes are the same plain JSON shape, so a lesson can live in a file,
 * in a link (`?learn#l2.…`) or in `src/learn/lessons/`. Documented for teachers in
 * `src/learn/LESSON_FORMAT.md`.
 */
export const LESSON_FORMAT = 'wcp-lesson/1';

/** One lesson: text, a starter workspace, a task, hints, a solution and a check. */
export interface Lesson {
  format?: typeof LESSON_FORMAT;
  /** Address of the lesson (`?learn=<id>`): lower-case letters, digits and dashes. */
  id: string;
  title: string;
  /**
   * What and why, in a small Markdown subset: paragraphs, `code`, **bold**, [links](https://…),
   * `- ` lists and fenced ``` blocks.
   */
  text: string;
  /** The interfaces involved, linked to their own documentation. */
  docs?: LessonLink[];
  /** What the learner must make happen (same Markdown subset). */
  task: string;
  /** Revealed one at a time. */
  hints: string[];
  /** The starter workspace, in start order: handlers first, then the guests Check calls. */
  guests: LessonGuest[];
  /** Guest name → the solution's source for that guest (guests not named keep the starter). */
  solution: Record<string, string>;
  check: LessonCheck;
}

/** A link to documentation. */
export interface LessonLink {
  title: string;
  url: string;
}

/** A guest of the starter workspace (the same fields as an example's guest). */
export interface LessonGuest {
  name: string;
  lang: 'wat' | 'js' | 'ts';
  wit: string;
  source: string;
  /** World export called on Run/Check (e.g. "run"); absent for pure handlers. */
  call?: string;
  subscriptions?: string[];
  buckets?: string[];
  /** Fault injection in Run and Check (the point of the fault-injection lessons). */
  faults?: FaultConfig;
  /** A helper the task does not touch: Check always runs the lesson's own code for it. Default false. */
  fixed?: boolean;
  /** Runs the code of the named guest (e.g. a second worker of a work queue); the learner edits it once. */
  sameCodeAs?: string;
}

/** How Check runs the learner's workspace, and what it expects to have happened. */
export interface LessonCheck {
  /** Callers run this many times one after another in the same namespace (persistence). Default 1. */
  runs?: number;
  /** Each caller is started this many times at once, as several tabs would (races). Default 1. */
  copies?: number;
  /** How long handlers keep serving after the last caller returned, in ms. Default 300. */
  settleMs?: number;
  /** Per-call time limit in ms. Default 5000. */
  timeLimitMs?: number;
  /** Checked in order; every failing one is reported. */
  expect: Expectation[];
  /**
   * Escape hatch: the body of `function (run) { … }` returning a problem sentence, a list of
   * them, or nothing when all is well; `run` is the {@link RunRecord}. It always runs in a
   * sandboxed iframe with an opaque origin (never with the playground's origin), because a
   * lesson from a file or link is code the learner did not write.
   */
  script?: string;
}

/** Fields every expectation may carry. */
interface ExpectBase {
  /** The verdict sentence when this expectation fails (replaces the generated one). */
  say?: string;
  /** Only this guest's events/results/output (default: every guest). */
  guest?: string;
}

/** A numeric count condition; absent fields are not checked. */
export interface CountRule {
  count?: number;
  min?: number;
  max?: number;
  /** Expected count = this × the number of messages delivered to the guest (handlers). */
  perDelivery?: number;
}

/**
 * One declarative check. `fn` names match the trace's WIT spelling ("[method]bucket.get")
 * or just the function ("get", "increment", "reply").
 */
export type Expectation =
  | (ExpectBase & { kind: 'result'; equals?: unknown; min?: number; max?: number })
  | (ExpectBase & { kind: 'stdout'; includes?: string; matches?: string; absent?: boolean })
  | (ExpectBase & CountRule & { kind: 'calls'; fn: string; iface?: string; ok?: boolean; argIncludes?: string })
  | (ExpectBase & CountRule & { kind: 'messages'; action: MessageAction; topic?: string; to?: string; fault?: string; envelope?: Record<string, string> })
  | (ExpectBase & { kind: 'key'; bucket: string; key: string; equals?: string | number; exists?: boolean })
  | (ExpectBase & CountRule & { kind: 'keys'; bucket: string; prefix?: string })
  | (ExpectBase & { kind: 'blob'; container: string; name: string; equals?: string; size?: number; exists?: boolean })
  | (ExpectBase & CountRule & { kind: 'topicLog'; topic: string });

/** A `messages` expectation's action: any a message event records (MESSAGE_ACTIONS). */
export type { MessageAction };
