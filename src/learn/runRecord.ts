import type { Diagnostic } from '../protocol/buildProtocol';
import type { TraceEvent } from '../trace/traceEvent';

/**
 * What really happened when Check ran a lesson: every guest's result, output and fate,
 * the trace events of the run, and what the run left in storage. Plain JSON-safe data, so
 * a check script in a sandboxed iframe receives it unchanged.
 */
export interface RunRecord {
  /** One entry per started guest: each run and copy of a caller, and each handler. */
  guests: GuestRecord[];
  /** Host calls, messages and lifecycle events of the run, in arrival order. */
  events: TraceEvent[];
  storage: StorageSnapshot;
  /** How many times the callers ran (LessonCheck.runs). */
  runs: number;
  /** Copies of each caller that ran at once (LessonCheck.copies). */
  copies: number;
}

/** One started guest. Copies after the first are named `name#2`, `name#3`… in the trace. */
export interface GuestRecord {
  name: string;
  /** Trace name: `name`, or `name#2` for the second copy. */
  traceName: string;
  /** 1-based run number (handlers: 1). */
  run: number;
  /** Export called, absent for handlers. */
  call?: string;
  state: string;
  /** Rendered return value (bigints as decimal strings, bytes as text previews). */
  result?: unknown;
  /** The return value as the console prints it (a u64 bare, a string quoted), when the run worker sent it. */
  resultText?: string;
  /**
   * Why it ended early, as Run's console says it: a JavaScript exception's message (not the
   * wasm trap it ends in), the trap's text, or for a time-limit stop a clause following
   * "was": "stopped at the time limit (5 s): an infinite loop?".
   */
  trap?: string;
  /** Where in the guest's source the trap happened, when its stack names a line (a marker for the editor). */
  marker?: Diagnostic;
  stdout: string[];
  stderr: string[];
}

/** Storage after the run, decoded as UTF-8 text (counters are decimal text). */
export interface StorageSnapshot {
  /** bucket → key → value. */
  kv: Record<string, Record<string, string>>;
  /** container → object name → contents. */
  blobs: Record<string, Record<string, string>>;
  /** topic → log entries in offset order (the offsets proposal's persisted log). */
  topics: Record<string, TopicLogEntry[]>;
}

export interface TopicLogEntry {
  offset: number;
  data: string;
}

/** An empty record: a base for tests and for runs that never started. */
export function emptyRecord(): RunRecord {
  return { guests: [], events: [], storage: { kv: {}, blobs: {}, topics: {} }, runs: 1, copies: 1 };
}
