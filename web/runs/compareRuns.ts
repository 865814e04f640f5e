import type { TraceEvent } from '../../src/index';
import { stepOf } from '../diagram/flowGraph';

/** One line of a run comparison: an edge of the diagram (or a guest's totals) in both runs. */
export interface CompareRow {
  key: string;
  /** `message` and `ack` edges, host `call` edges, or a guest's `failures` (failed calls, traps). */
  family: 'message' | 'ack' | 'call' | 'failures';
  /** Node ids as in the diagram (`guest:producer`, `topic:orders`, `store:tally`). */
  from: string;
  to: string;
  before: number;
  after: number;
  /** Of those, dropped / nacked / failed. */
  badBefore: number;
  badAfter: number;
}

interface Counts {
  n: number;
  bad: number;
  family: CompareRow['family'];
  from: string;
  to: string;
}

function count(events: Iterable<TraceEvent>): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const add = (key: string, family: CompareRow['family'], from: string, to: string, bad: boolean) => {
    let c = out.get(key);
    if (!c) out.set(key, (c = { n: 0, bad: 0, family, from, to }));
    c.n++;
    if (bad) c.bad++;
  };
  for (const e of events) {
    const s = stepOf(e);
    if (s.family === 'self') {
      if (s.bad) add(`failures|${e.guest}`, 'failures', `guest:${e.guest}`, '', true);
      continue;
    }
    add(`${s.family}|${s.from}|${s.to}`, s.family, s.from, s.to, s.bad);
    if (s.family === 'call' && s.bad) add(`failures|${e.guest}`, 'failures', `guest:${e.guest}`, '', true);
  }
  return out;
}

const ORDER: Record<CompareRow['family'], number> = { message: 0, ack: 1, failures: 2, call: 3 };

/**
 * Counts per diagram edge (and failures per guest) in two runs, side by side: what the
 * delivery-guarantees story needs to show that the same example lost, duplicated or
 * redelivered messages under one set of faults and not under another.
 */
export function compareRuns(before: Iterable<TraceEvent>, after: Iterable<TraceEvent>): CompareRow[] {
  const a = count(before);
  const b = count(after);
  const rows: CompareRow[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const c = (x ?? y)!;
    rows.push({ key, family: c.family, from: c.from, to: c.to, before: x?.n ?? 0, after: y?.n ?? 0, badBefore: x?.bad ?? 0, badAfter: y?.bad ?? 0 });
  }
  // Messages first (the story), then acks and failures; changed rows before unchanged ones.
  const changed = (r: CompareRow) => (r.before !== r.after || r.badBefore !== r.badAfter ? 0 : 1);
  return rows.sort((p, q) => ORDER[p.family] - ORDER[q.family] || changed(p) - changed(q) || p.from.localeCompare(q.from) || p.to.localeCompare(q.to));
}
